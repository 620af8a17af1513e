import type { Caller, GraphContext } from './context';
import { graphError, ok, newRequestIds, type GraphReply, type RequestIds } from './reply';
import { route } from './router';

export const maxBatchRequests = 20;

type BatchItem = { id: string; method: string; url: string };

function parseItems(body: unknown): BatchItem[] | string {
  const requests = typeof body === 'object' && body !== null && 'requests' in body ? (body as { requests: unknown }).requests : undefined;
  if (!Array.isArray(requests)) return 'Invalid batch payload format.';
  if (requests.length > maxBatchRequests) return 'Number of requests inside batch exceeds the limit.';
  const items: BatchItem[] = [];
  for (const entry of requests as unknown[]) {
    const item = entry as Partial<Record<keyof BatchItem, unknown>>;
    if (typeof item.id !== 'string' || item.id === '') return 'Invalid request: The id property is required for each request.';
    if (typeof item.url !== 'string' || item.url === '') return `Invalid request: The url property is required for request '${item.id}'.`;
    if (items.some((existing) => existing.id === item.id)) return `Invalid request: Request ids must be unique. '${item.id}' is used more than once.`;
    items.push({ id: item.id, method: typeof item.method === 'string' ? item.method.toUpperCase() : 'GET', url: item.url });
  }
  return items;
}

/** POST /{v}/$batch: runs each request with the caller's token; failures stay in-band. */
export function batch(ctx: GraphContext, caller: Caller, ids: RequestIds, version: string, rawBody: string): GraphReply {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return graphError(ids, 400, 'BadRequest', 'Invalid batch payload format.');
  }
  const items = parseItems(body);
  if (typeof items === 'string') return graphError(ids, 400, 'BadRequest', items);
  ctx.counters.graphBatchItems += items.length;
  const responses = items.map((item) => {
    if (/^https?:/i.test(item.url)) {
      const reply = graphError(newRequestIds(ids.clientRequestId), 400, 'BadRequest', 'Invalid request: Request URL must be relative.');
      return { id: item.id, status: reply.status, headers: reply.headers, body: reply.body };
    }
    const reply = route(ctx, caller, newRequestIds(ids.clientRequestId), item.method, version, item.url);
    return { id: item.id, status: reply.status, headers: { 'Cache-Control': 'no-cache', ...reply.headers }, body: reply.body };
  });
  return ok({ responses });
}
