import { Client, ResponseType, type Context } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici';
import { defaultRetryPolicy, RetryMiddleware, type RetryPolicy } from './graph-retry';
import { BearerMiddleware, defaultMaxBodyBytes, TrustedFetchMiddleware, type TokenSource } from './graph-middleware';

export type GraphClientOptions = {
  graphBaseUrl: string;
  token: TokenSource;
  /** Ask the token source again after a 401 (the report's long runs outlive a token). */
  refreshOn401?: boolean;
  dispatcher: Dispatcher;
  retry?: RetryPolicy;
  timeoutMs?: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
};

export type GraphHttp = {
  /** The Graph client over our middleware chain, for requests the SDK builds (the $batch). */
  client: Client;
  /**
   * GET an absolute URL exactly as given, through the same chain. For nextLinks: Graph says
   * to use the whole URL unchanged (https://learn.microsoft.com/graph/paging), and the SDK's
   * URL builder re-parses query strings.
   */
  get(url: string): Promise<Response>;
};

/**
 * The one way the app talks to Microsoft Graph (readiness and report): the Graph client with
 * our middleware chain, bearer -> retry (one policy) -> trusted, size-bounded fetch.
 */
export function createGraphHttp(options: GraphClientOptions): GraphHttp {
  const bearer = new BearerMiddleware(options.token, options.refreshOn401 ?? false);
  const retry = new RetryMiddleware(options.retry ?? defaultRetryPolicy, options.signal);
  const transport = new TrustedFetchMiddleware({
    dispatcher: options.dispatcher,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  bearer.setNext(retry);
  retry.setNext(transport);
  const client = Client.initWithMiddleware({
    middleware: bearer,
    baseUrl: `${options.graphBaseUrl}/`,
    defaultVersion: 'beta',
    customHosts: new Set([new URL(options.graphBaseUrl).hostname]),
  });
  return {
    client,
    async get(url) {
      const context: Context = { request: url, options: { method: 'GET', headers: { accept: 'application/json' } } };
      await bearer.execute(context);
      if (!context.response) throw new Error('no response from the Graph middleware chain');
      return context.response;
    },
  };
}

/** The raw answer to a POST of a JSON body to a beta path. */
export async function graphPostBeta(client: Client, path: string, body: unknown): Promise<Response> {
  return (await client.api(path).version('beta').responseType(ResponseType.RAW).post(body)) as Response;
}

/**
 * Remembers the next-page links followed so far: a link Graph already sent means the paging
 * loops, and following it would never end.
 */
export function nextLinkGuard(onRepeat: (url: string) => Error): (url: string) => void {
  const seen = new Set<string>();
  return (url) => {
    if (seen.has(url)) throw onRepeat(url);
    seen.add(url);
  };
}
