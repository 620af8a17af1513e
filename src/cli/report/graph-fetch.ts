import { fetch, type Dispatcher } from 'undici';
import { CliError } from '../errors';
import { backoffMs, maxRetryAfterMs, parseRetryAfter, retryableStatuses } from './retry';

/** Returns a Graph access token; forceRefresh after a 401 (the cached one expired or was revoked). */
export type TokenSource = (options: { forceRefresh: boolean }) => Promise<string>;

export type RetryNotice = { attempt: number; waitMs: number; reason: string };

export type GraphFetchOptions = {
  dispatcher: Dispatcher;
  token: TokenSource;
  /** Retries per request for 429/5xx and dropped connections (the first try is not a retry). */
  maxRetries: number;
  /** Backoff base when the server gives no Retry-After. */
  retryBaseMs: number;
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type GraphAnswer = { ok: true; body: unknown } | { ok: false; status: number; message: string };

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

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new InterruptedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new InterruptedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * GET a Graph URL as JSON, honouring throttling: 429 and 503 (and other transient 5xx) wait
 * for Retry-After when given, else back off exponentially; dropped connections and timeouts
 * retry the same way. A 401 refreshes the token once. Other answers go back to the caller,
 * which decides (a 403 on a tenant fact is "unknown", on the report it is fatal).
 */
export async function getGraphJson(url: string, options: GraphFetchOptions): Promise<GraphAnswer> {
  const sleep = options.sleep ?? defaultSleep;
  let forceRefresh = false;
  let refreshed = false;
  let lastProblem = '';
  for (let attempt = 0; ; attempt += 1) {
    if (options.signal?.aborted) throw new InterruptedError();
    if (attempt > options.maxRetries) {
      throw new GraphUnavailableError(
        `Microsoft Graph did not answer successfully after ${options.maxRetries} retr${options.maxRetries === 1 ? 'y' : 'ies'} (${lastProblem}).`,
      );
    }
    const token = await options.token({ forceRefresh });
    forceRefresh = false;
    let waitMs: number | null = null;
    try {
      const signals = [AbortSignal.timeout(options.requestTimeoutMs ?? 60_000)];
      if (options.signal) signals.push(options.signal);
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        dispatcher: options.dispatcher,
        signal: AbortSignal.any(signals),
      });
      const text = await response.text();
      if (response.ok) return { ok: true, body: text === '' ? null : JSON.parse(text) };
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        forceRefresh = true;
        attempt -= 1; // a token refresh is not a retry of a failing service
        continue;
      }
      if (!retryableStatuses.has(response.status)) {
        return { ok: false, status: response.status, message: graphErrorMessage(text, response.status) };
      }
      lastProblem = `HTTP ${response.status}`;
      waitMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      if (waitMs !== null && waitMs > maxRetryAfterMs) {
        throw new GraphUnavailableError(
          `Microsoft Graph asked to wait ${Math.round(waitMs / 1000)} s (HTTP ${response.status}), longer than this command waits.`,
        );
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (options.signal?.aborted) throw new InterruptedError();
      if (error instanceof SyntaxError) lastProblem = 'an unreadable answer';
      else lastProblem = networkProblem(error);
    }
    const delay = waitMs ?? backoffMs(attempt, options.retryBaseMs);
    if (attempt < options.maxRetries) {
      options.onRetry?.({ attempt: attempt + 1, waitMs: delay, reason: lastProblem });
      await sleep(delay, options.signal);
    }
  }
}

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

/** The innermost system error code of a failed fetch (undici wraps it in `cause`). */
export function networkProblem(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code;
    if (current.name === 'TimeoutError') return 'timed out';
    current = (current as Error & { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : 'network error';
}
