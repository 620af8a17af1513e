import { answerTooLarge } from '../../shared/errors/catalogue';
import type { GraphHttpAnswer } from '../../main/graph/graph-answer';
import { createGraphChain, type GraphChain } from '../../main/graph/graph-chain';
import { abortableSleep, isRetryableStatus, maxReportRetryAfterMs, parseRetryAfter, type RetryNotice } from '../../main/graph/graph-retry';
import { GraphRequestAbortedError, GraphTransportError, ResponseTooLargeError, type TokenSource } from '../../main/graph/graph-middleware';
import { CliError } from '../cli-errors';
import type { Dispatcher } from 'undici';

export type { RetryNotice, TokenSource };

export type GraphFetchOptions = {
  dispatcher: Dispatcher;
  token: TokenSource;
  /** Retries per request for 429/5xx and dropped connections (the first try is not a retry). */
  maxRetries: number;
  /** Backoff base when the server gives no Retry-After. */
  retryBaseMs: number;
  requestTimeoutMs?: number;
  /** Largest page read (default 32 MB); a larger one stops the report, it is not fetched again. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type GraphAnswer = { ok: true; body: unknown } | { ok: false; status: number; message: string };
/** A successful answer's text, not parsed yet (see parseGraphJson). */
export type GraphTextAnswer = { ok: true; text: string } | { ok: false; status: number; message: string };

/** Graph could not be reached (or kept failing) after every retry: the work done so far stands. */
export class GraphUnavailableError extends CliError {
  constructor(message: string) {
    super(message, 'network');
    this.name = 'GraphUnavailableError';
  }
}

export class InterruptedError extends CliError {
  constructor() {
    super('Interrupted.', 'interrupted');
    this.name = 'InterruptedError';
  }
}

// One middleware chain per report run (the options object is the run's), not per page.
const chains = new WeakMap<GraphFetchOptions, GraphChain>();
function chainFor(url: string, options: GraphFetchOptions): GraphChain {
  let chain = chains.get(options);
  if (!chain) {
    const sleep = options.sleep ?? abortableSleep;
    chain = createGraphChain({
      graphBaseUrl: new URL(url).origin,
      token: options.token,
      refreshOn401: true,
      dispatcher: options.dispatcher,
      retry: {
        maxAttempts: options.maxRetries + 1,
        maxWaitMs: maxReportRetryAfterMs,
        defaultWaitMs: options.retryBaseMs,
        sleep: (ms, signal) => sleep(ms, signal).catch(() => Promise.reject(new InterruptedError())),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      },
      timeoutMs: options.requestTimeoutMs ?? 60_000,
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    chains.set(options, chain);
  }
  return chain;
}

/**
 * GET a Graph URL as JSON through the app's one Graph HTTP layer (src/main/graph/graph-chain.ts):
 * its retry policy waits out 429/5xx and dropped connections, a 401 refreshes the token once.
 * Other answers go back to the caller, which decides (a 403 on a tenant fact is "unknown", on
 * the report it is fatal).
 */
export async function getGraphJson(url: string, options: GraphFetchOptions): Promise<GraphAnswer> {
  const answer = await getGraphText(url, options);
  return answer.ok ? { ok: true, body: parseGraphJson(answer.text) } : answer;
}

/** A successful answer's JSON; an unreadable one means Graph could not be read. */
export function parseGraphJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    throw new GraphUnavailableError('Microsoft Graph sent an unreadable answer.');
  }
}

/**
 * getGraphJson without the parse, for the report's prefetched page: parsed only when its turn
 * comes, its objects do not wait through the previous page's write (and get promoted to V8's
 * old generation on the way), only its text does.
 */
export async function getGraphText(url: string, options: GraphFetchOptions): Promise<GraphTextAnswer> {
  if (options.signal?.aborted) throw new InterruptedError();
  let response: GraphHttpAnswer;
  try {
    response = await chainFor(url, options).get(url);
  } catch (error) {
    throw fetchFailed(error, options);
  }
  const text = response.text();
  if (response.ok) return { ok: true, text };
  if (isRetryableStatus(response.status)) {
    const waitMs = parseRetryAfter(response.header('retry-after'));
    if (waitMs !== null && waitMs > maxReportRetryAfterMs) {
      throw new GraphUnavailableError(
        `Microsoft Graph asked to wait ${Math.round(waitMs / 1000)} s (HTTP ${response.status}), longer than this command waits.`,
      );
    }
    throw unavailableAfterRetries(options, `HTTP ${response.status}`);
  }
  return { ok: false, status: response.status, message: graphErrorMessage(text, response.status) };
}

function fetchFailed(error: unknown, options: GraphFetchOptions): Error {
  if (error instanceof CliError) return error;
  if (error instanceof GraphRequestAbortedError || options.signal?.aborted) return new InterruptedError();
  if (error instanceof ResponseTooLargeError) {
    const tooLarge = answerTooLarge('Microsoft Graph', error.limitBytes);
    return new CliError(tooLarge.message, 'graph-failed', tooLarge.nextStep);
  }
  if (error instanceof GraphTransportError) return unavailableAfterRetries(options, error.causeCode);
  return error instanceof Error ? error : new Error(String(error));
}

const unavailableAfterRetries = (options: GraphFetchOptions, problem: string) =>
  new GraphUnavailableError(
    `Microsoft Graph did not answer successfully after ${options.maxRetries} retr${options.maxRetries === 1 ? 'y' : 'ies'} (${problem}).`,
  );

/** For nextLinkGuard: a next-page link Graph already sent would page forever. */
export const repeatedNextLink = () =>
  new CliError(
    'Microsoft Graph sent a next-page link it had already sent, so the list would never end; stopped.',
    'graph-failed',
    'Run the report again later; if it keeps happening, report it.',
  );

function graphErrorMessage(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === 'string' ? body.error.code : '';
    const message = typeof body.error?.message === 'string' ? body.error.message : '';
    if (code || message) return `HTTP ${status} ${code}${code && message ? ': ' : ''}${message}`;
  } catch {
    // not JSON: the status says enough
  }
  return `HTTP ${status}`;
}
