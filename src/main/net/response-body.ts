import type { Dispatcher } from 'undici';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { constants as zlibConstants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { dispatcherRequest } from './lean-undici';

/**
 * Reading an answer of undici's request() as its fetch() would: the same compressed encodings
 * asked for (over HTTPS) and decoded. request() is what the app uses (src/main/net/lean-undici.ts):
 * fetch's WHATWG request, header and stream objects cost more than a Graph page itself.
 */
const acceptedEncodings = 'br, gzip, deflate';

const zlibFlush = { flush: zlibConstants.Z_SYNC_FLUSH, finishFlush: zlibConstants.Z_SYNC_FLUSH };
const gunzip = () => createGunzip(zlibFlush);
const decoders: Record<string, () => Transform> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  deflate: () => createInflate(zlibFlush),
  br: () => createBrotliDecompress({ flush: zlibConstants.BROTLI_OPERATION_FLUSH, finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH }),
};
/** As fetch: more codings than this is a resource-exhaustion attempt. */
const maxContentEncodings = 5;

/** A header as one string: repeated ones joined with ", ", as Headers.get() joins them. */
export const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/** What readDecodedBody reads of an undici answer. */
export type AnswerBody = { headers: Dispatcher.ResponseData['headers']; body: Readable };

/**
 * The whole decoded body, or `tooLarge(limit)` thrown as soon as it is known to be over the limit
 * (the limit applies to the decoded bytes). An unknown coding is passed on undecoded, as fetch does.
 */
export async function readDecodedBody(answer: AnswerBody, limit: number, tooLarge: (limit: number) => Error): Promise<Buffer> {
  const declared = Number(headerValue(answer.headers['content-length']) ?? Number.NaN);
  const codings = (headerValue(answer.headers['content-encoding']) ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codings.length > maxContentEncodings) {
    answer.body.destroy();
    throw new Error(`too many content-encodings in response: ${codings.length}`);
  }
  const decoding = codings.length > 0 && codings.every((c) => c in decoders);
  if (!decoding && declared > limit) {
    answer.body.destroy();
    throw tooLarge(limit);
  }
  const stages = decoding ? codings.reverse().map((c) => decoders[c]!()) : [];
  // A decoding failure destroys every stage with its error, which the loop below then throws.
  if (stages.length > 0) pipeline([answer.body, ...stages], () => undefined);
  const source: AsyncIterable<Buffer> = stages.at(-1) ?? answer.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limit) {
      answer.body.destroy();
      stages.forEach((stage) => stage.destroy());
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** A request as the app sends it: header names in any case, the body as text. */
export type DecodedRequest = { method: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string; signal?: AbortSignal };

/** A whole answer, its body read and decoded. */
export type DecodedAnswer = { status: number; statusText: string; headers: Dispatcher.ResponseData['headers']; body: Buffer };

/**
 * One request through undici's request(), as its fetch() would make it: the compressed encodings
 * asked for unless the caller names its own, and the body decoded within `limit` (readDecodedBody).
 * The one way Graph's middleware and MSAL's network module talk HTTP.
 */
export async function requestDecoded(
  dispatcher: Dispatcher,
  url: URL,
  request: DecodedRequest,
  limit: number,
  tooLarge: (limit: number) => Error,
): Promise<DecodedAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['accept-encoding'] ??= acceptedEncodings;
  const answer = await dispatcherRequest(dispatcher, {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const body = await readDecodedBody(answer, limit, tooLarge);
  return { status: answer.statusCode, statusText: answer.statusText ?? '', headers: answer.headers, body };
}
