import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici';
import { causeCodeOf } from '../net/error-cause';
import { requestDecoded } from '../net/response-body';
import { answerOf, GraphHttpAnswer, setAnswer } from './graph-answer';

/**
 * Errors of our middleware. graph-client.ts makes them GraphClientErrors once the Graph client
 * library is loaded: the SDK rethrows those as they are, where it would wrap any other error
 * into a GraphError and lose its type.
 */
export abstract class GraphLayerError extends Error {
  constructor(message: string) {
    super(message);
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
 * body within a size limit, and puts the answer beside the context (graph-answer.ts).
 * The dispatcher's own request() rather than fetch(): a report reads a thousand pages, and
 * fetch's WHATWG request, headers and stream objects cost more CPU and garbage than the page.
 * What fetch did besides is kept: the same compressed encodings asked for and decoded (and
 * the limit applied to the decoded body). Graph answers these calls directly, without
 * redirects (https://learn.microsoft.com/graph/paging): a 3xx goes back to the caller as it is.
 */
export class TrustedFetchMiddleware implements Middleware {
  constructor(
    private readonly options: { dispatcher: Dispatcher; timeoutMs: number; maxBodyBytes: number; signal?: AbortSignal },
  ) {}

  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const init = context.options ?? {};
    const { signal } = this.options;
    if (signal?.aborted) throw new GraphRequestAbortedError();
    // One controller per request, its timer and listener gone when the request ends: cheaper than
    // AbortSignal.any(AbortSignal.timeout(), signal), whose timers outlive the request.
    const request = new AbortController();
    const abort = () => request.abort(signal?.reason);
    const timer = setTimeout(() => request.abort(new DOMException('The request timed out.', 'TimeoutError')), this.options.timeoutMs);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const answer = await requestDecoded(
        this.options.dispatcher,
        url,
        {
          method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
          headers: headersOf(init.headers),
          ...(typeof init.body === 'string' ? { body: init.body } : {}),
          signal: request.signal,
        },
        this.options.maxBodyBytes,
        (limit) => new ResponseTooLargeError(limit),
      );
      setAnswer(context, new GraphHttpAnswer(answer.status, answer.statusText, answer.headers, answer.body));
    } catch (error) {
      if (error instanceof GraphLayerError) throw error;
      if (signal?.aborted) throw new GraphRequestAbortedError();
      throw new GraphTransportError(causeCodeOf(error) ?? 'network error', error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }
}

/**
 * Request headers as a record (HeadersInit in any of its three shapes); requestDecoded lower-cases
 * the names. A Headers is told by its entries(), not by instanceof: naming the global Headers
 * loads Node's fetch implementation (graph-answer.ts).
 */
function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  if (typeof (headers as Partial<Headers>).entries === 'function') return Object.fromEntries((headers as Headers).entries());
  return { ...(headers as Record<string, string>) };
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
      const headers = headersOf(original?.headers);
      headers.authorization = `Bearer ${await this.token({ forceRefresh })}`;
      context.options = { ...original, headers };
      await this.next?.execute(context);
    };
    await send(false);
    if (this.refreshOn401 && answerOf(context)?.status === 401) await send(true);
  }
}
