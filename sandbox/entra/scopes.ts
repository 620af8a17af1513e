import type { Tenant, SandboxUser } from '../state/tenant';
import { graphResource, outlookResource } from '../tokens/claims';
import { aadError, type AadError } from './errors';

export type Resource = { uri: string; appId: string; scopes: string[] };

export const resources: Resource[] = [
  {
    uri: graphResource,
    appId: '00000003-0000-0000-c000-000000000000',
    scopes: [
      'User.Read',
      'User.Read.All',
      'UserAuthenticationMethod.Read',
      'UserAuthenticationMethod.Read.All',
      'Policy.Read.All',
      'RoleManagement.Read.Directory',
      'GroupMember.Read.All',
      'AuditLog.Read.All',
      'Reports.Read.All',
      'Directory.Read.All',
    ],
  },
  {
    uri: outlookResource,
    appId: '00000002-0000-0ff1-ce00-000000000000',
    scopes: ['SMTP.Send', 'IMAP.AccessAsUser.All', 'POP.AccessAsUser.All'],
  },
];

const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);
const resourceAliases: Record<string, string> = { 'https://outlook.office365.com': outlookResource, '00000003-0000-0000-c000-000000000000': graphResource };

export type ScopeRequest = { resource: Resource; scopes: string[]; oidc: string[]; wantsDefault: boolean };
export type Grant = { resource: Resource; scopes: string[]; oidc: string[] };

/** Splits a `scope` parameter into one resource's permissions plus OIDC scopes, as Entra does. */
export function parseScopes(scopeParam: string, appName: string): ScopeRequest | AadError {
  const words = scopeParam.split(/\s+/).filter(Boolean);
  const oidc = words.filter((word) => oidcScopes.has(word.toLowerCase())).map((word) => word.toLowerCase());
  const byResource = new Map<Resource, string[]>();
  for (const word of words.filter((w) => !oidcScopes.has(w.toLowerCase()))) {
    const slash = word.lastIndexOf('/');
    const prefix = slash > 0 ? word.slice(0, slash) : graphResource; // bare names mean Graph
    const name = slash > 0 ? word.slice(slash + 1) : word;
    const uri = resourceAliases[prefix.toLowerCase()] ?? prefix.toLowerCase();
    const resource = resources.find((candidate) => candidate.uri === uri);
    if (!resource) return aadError(650053, { appName, scope: word, resourceId: prefix });
    const list = byResource.get(resource) ?? [];
    list.push(name);
    byResource.set(resource, list);
  }
  if (byResource.size > 1) return aadError(28000, { scope: words.join(' ') });
  const [entry] = [...byResource.entries()];
  const resource = entry?.[0] ?? resources[0]!;
  const names = entry?.[1] ?? ['User.Read'];
  const wantsDefault = names.some((name) => name === '.default');
  const scopes: string[] = [];
  for (const name of names.filter((n) => n !== '.default')) {
    const known = resource.scopes.find((scope) => scope.toLowerCase() === name.toLowerCase());
    if (!known) return aadError(650053, { appName, scope: name, resourceId: resource.appId });
    if (!scopes.includes(known)) scopes.push(known);
  }
  return { resource, scopes, oidc, wantsDefault };
}

/**
 * Grants the requested scopes this user may consent to; the rest are left out or refused.
 * Named scopes may be any the resource knows (dynamic consent); `.default` is the registration's list.
 */
export function grantScopes(tenant: Tenant, user: SandboxUser, request: ScopeRequest, clientId: string, appName: string): Grant | AadError {
  const consentable = tenant.consentable(user);
  const allowed = (scope: string): boolean => consentable === null || consentable.has(scope.toLowerCase());
  // `.default` means the permissions configured on the app registration, as far as consented.
  const configured = new Set(tenant.scenario.app.permissions.map((scope) => scope.toLowerCase()));
  const registered = request.resource.scopes.filter((scope) => configured.has(scope.toLowerCase()));
  const wanted = request.wantsDefault ? [...request.scopes, ...registered.filter(allowed)] : request.scopes;
  const unique = [...new Set(wanted)];
  const refused = unique.filter((scope) => !allowed(scope));
  if (refused.length > 0 && tenant.scenario.tenant.unconsentedScopes === 'consent-required') {
    return aadError(65001, { clientId, appName });
  }
  return { resource: request.resource, scopes: unique.filter(allowed), oidc: request.oidc };
}

/** The `scope` string of a token response: Graph's by short name, other resources by full URI. */
export function responseScope(grant: Grant): string {
  const named = grant.resource.uri === graphResource ? grant.scopes : grant.scopes.map((scope) => `${grant.resource.uri}/${scope}`);
  const oidc = grant.oidc.filter((scope) => scope !== 'offline_access');
  return [...named, ...oidc].join(' ');
}
