import { graphError, type GraphReply, type RequestIds } from './reply';

/**
 * OData $select as Graph applies it: only the named properties come back (plus annotations
 * such as @odata.type), and a name the type does not have is a 400, so a typo in the app's
 * query fails here as it would against Microsoft 365.
 */
export type Selection = { properties: string[] | null };

export function parseSelect(query: URLSearchParams, typeName: string, knownProperties: readonly string[], ids: RequestIds): Selection | GraphReply {
  const raw = query.get('$select');
  if (raw === null) return { properties: null };
  const properties = raw.split(',').map((name) => name.trim()).filter(Boolean);
  const known = new Map(knownProperties.map((name) => [name.toLowerCase(), name]));
  const canonical: string[] = [];
  for (const name of properties) {
    const match = known.get(name.toLowerCase());
    if (!match) {
      return graphError(ids, 400, 'BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${typeName}'.`);
    }
    if (!canonical.includes(match)) canonical.push(match);
  }
  return { properties: canonical };
}

export const isSelectError = (value: Selection | GraphReply): value is GraphReply => 'status' in value;

/** Keeps the selected properties an object has, and its @odata annotations. */
export function project(entity: Record<string, unknown>, selection: Selection): Record<string, unknown> {
  if (!selection.properties) return entity;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) if (key.startsWith('@odata.')) out[key] = value;
  for (const name of selection.properties) if (name in entity) out[name] = entity[name];
  return out;
}

/** The @odata.context segment Graph writes for a selection: `users(id,displayName)`. */
export const contextWithSelect = (entitySet: string, selection: Selection): string =>
  selection.properties ? `${entitySet}(${selection.properties.join(',')})` : entitySet;
