import { randomUUID } from 'node:crypto';

/** One Graph answer, written to HTTP directly or embedded in a $batch response. */
export type GraphReply = { status: number; headers: Record<string, string>; body: unknown };

export const odataJson = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export type RequestIds = { requestId: string; clientRequestId: string };

export function newRequestIds(clientRequestId: string | undefined): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: clientRequestId ?? requestId };
}

export function ok(body: unknown): GraphReply {
  return { status: 200, headers: { 'Content-Type': odataJson }, body };
}

/** Graph's error body: {"error":{"code","message","innerError":{date, request-id, client-request-id}}}. */
export function graphError(ids: RequestIds, status: number, code: string, message: string, headers: Record<string, string> = {}): GraphReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}

export const denied = (ids: RequestIds): GraphReply => graphError(ids, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const segmentNotFound = (ids: RequestIds, segment: string): GraphReply =>
  graphError(ids, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

/** 429/503 with Retry-After, as Graph throttles. */
export function throttled(ids: RequestIds, status: 429 | 503, retryAfterSeconds: number): GraphReply {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  if (status === 503) return graphError(ids, 503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', headers);
  return {
    status: 429,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: {
      error: {
        code: 'TooManyRequests',
        message: 'Please retry again later.',
        innerError: {
          code: '429',
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          message: 'Please retry again later.',
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
          status: '429',
        },
      },
    },
  };
}
