import { GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { causeCodeOf } from '../net/error-cause';

/**
 * Errors of our middleware extend GraphClientError: the Graph client rethrows those as they
 * are, where it would wrap any other error into a GraphError and lose its type.
 */
abstract class GraphLayerError extends GraphClientError {
  constructor(message: string) {
    super(message);
    // GraphClientError pins its own prototype; put the subclass back.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
  }
}

/** The request never got an answer (DNS, refused, TLS, timeout, connection dropped). */
export class GraphTransportError extends GraphLayerError {
  constructor(
    readonly causeCode: string,
    cause: unknown,
  ) {
    super(`Could not reach Microsoft Graph (${causeCode}).`);
    this.cause = cause;
  }
}

/** The caller's signal fired. */
export class GraphRequestAbortedError extends GraphLayerError {
  constructor() {
    super('The request was cancelled.');
  }
}

/** An answer body over the size limit: refused while streaming, never buffered, never fetched again. */
export class ResponseTooLargeError extends GraphLayerError {
  constructor(readonly limitBytes: number) {
    super(`Microsoft Graph sent an answer larger than ${limitBytes} bytes.`);
  }
}

/** $batch answers and report pages are a few megabytes at most; 32 MB leaves ample room. */
export const defaultMaxBodyBytes = 32 * 1024 * 1024;

/**
 * The last link of the Graph client's middleware chain: sends the request through our
 * trusted undici dispatcher (system store + extra CA) instead of the global fetch, reads the
 * body within a size limit, and puts the answer back as a standard Response for the SDK.
 */
export class TrustedFetchMiddleware implements Middleware {
  constructor(
    private readonly options: { dispatcher: Dispatcher; timeoutMs: number; maxBodyBytes: number; signal?: AbortSignal },
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const init = context.options ?? {};
    const { signal } = this.options;
    if (signal?.aborted) throw new GraphRequestAbortedError();
    const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(signal ? [signal] : [])];
    try {
      const response = await undiciFetch(url, {
        method: init.method ?? 'GET',
        headers: headersOf(init.headers),
        ...(typeof init.body === 'string' ? { body: init.body } : {}),
        dispatcher: this.options.dispatcher,
        signal: AbortSignal.any(signals),
      });
      const body = await readBounded(response, this.options.maxBodyBytes);
      context.response = new Response(body.byteLength > 0 ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : null, {
        status: response.status,
        statusText: response.statusText,
        headers: Array.from(response.headers.entries()),
      });
    } catch (error) {
      if (error instanceof GraphLayerError) throw error;
      if (signal?.aborted) throw new GraphRequestAbortedError();
      throw new GraphTransportError(causeCodeOf(error) ?? 'network error', error);
    }
  }
}

/** The whole body, or ResponseTooLargeError as soon as it is known to be over the limit. */
async function readBounded(response: Awaited<ReturnType<typeof undiciFetch>>, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limit);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Returns a Graph access token; forceRefresh after a 401 (the cached one expired or was revoked). */
export type TokenSource = (options: { forceRefresh: boolean }) => Promise<string>;

/**
 * Adds the bearer token (the SDK's own auth handler would insist on Microsoft's hosts). With
 * `refreshOn401`, a 401 gets one more try with a freshly acquired token.
 */
export class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly token: TokenSource,
    private readonly refreshOn401: boolean,
  ) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const original = context.options;
    const send = async (forceRefresh: boolean) => {
      const headers = new Headers(original?.headers);
      headers.set('Authorization', `Bearer ${await this.token({ forceRefresh })}`);
      context.options = { ...original, headers: Object.fromEntries(headers.entries()) };
      await this.next?.execute(context);
    };
    await send(false);
    if (this.refreshOn401 && context.response?.status === 401) await send(true);
  }
}
