import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay, readBody } from '../http/io';
import { authenticate } from './auth';
import { batch } from './batch';
import type { GraphContext } from './context';
import { graphError, newRequestIds, throttled, type GraphReply } from './reply';
import { route } from './router';

/** Serves Microsoft Graph under /v1.0 and /beta. Every HTTP request counts once, a $batch too. */
export function createGraphHandler(ctx: GraphContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    ctx.counters.graphRequests += 1;
    const clientRequestId = req.headers['client-request-id'];
    const ids = newRequestIds(typeof clientRequestId === 'string' ? clientRequestId : undefined);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = method === 'POST' ? await readBody(req) : '';
    await delay(ctx.latencyMs());
    const reply = await answer(ctx, req, ids, method, rawBody);
    const url = new URL(req.url ?? '/', ctx.base);
    ctx.log.push({ method, path: url.pathname, status: reply.status });
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...reply.headers,
      'Content-Length': Buffer.byteLength(text).toString(),
      'Cache-Control': 'no-cache',
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
      'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Sandbox', Slice: 'E', Ring: '5', ScaleUnit: '000', RoleInstance: 'SANDBOX01' } }),
      'Strict-Transport-Security': 'max-age=31536000',
    });
    res.end(text);
  };
}

async function answer(ctx: GraphContext, req: IncomingMessage, ids: ReturnType<typeof newRequestIds>, method: string, rawBody: string): Promise<GraphReply> {
  const fault = ctx.faults.takeGraphFault();
  if (fault) return throttled(ids, fault.status, fault.retryAfterSeconds);
  const match = /^\/(v1\.0|beta)(\/.*)?$/.exec(new URL(req.url ?? '/', ctx.base).pathname);
  if (!match) return graphError(ids, 400, 'BadRequest', 'Invalid version.');
  const version = match[1] ?? 'v1.0';
  const caller = await authenticate(ctx, req.headers.authorization, ids);
  if ('status' in caller) return caller;
  const rest = (req.url ?? '/').slice(`/${version}`.length) || '/';
  if (rest.split('?')[0] === '/$batch') {
    if (method !== 'POST') return graphError(ids, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request uri.');
    return batch(ctx, caller, ids, version, rawBody);
  }
  return route(ctx, caller, ids, method, version, rest);
}
