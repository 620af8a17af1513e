import type { Context } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici';
import { answerOf, type GraphHttpAnswer } from './graph-answer';
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

export type GraphChain = {
  /** The first link; graph-client.ts puts the one that makes standard Responses in front of it. */
  first: BearerMiddleware;
  /**
   * GET an absolute URL exactly as given, through the chain. For nextLinks: Graph says
   * to use the whole URL unchanged (https://learn.microsoft.com/graph/paging), and the SDK's
   * URL builder re-parses query strings.
   */
  get(url: string): Promise<GraphHttpAnswer>;
};

/**
 * The one way the app talks to Microsoft Graph (readiness and report): bearer -> retry (one
 * policy) -> trusted, size-bounded request. Without the Graph client library, which only the
 * requests the SDK builds (the $batch) need: the report pages through nextLinks without it.
 */
export function createGraphChain(options: GraphClientOptions): GraphChain {
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
  return {
    first: bearer,
    async get(url) {
      const context: Context = { request: url, options: { method: 'GET', headers: { accept: 'application/json' } } };
      await bearer.execute(context);
      const answer = answerOf(context);
      if (!answer) throw new Error('no response from the Graph middleware chain');
      return answer;
    },
  };
}
