import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { answerOf } from './graph-answer';
import { GraphTransportError } from './graph-middleware';

/**
 * The one retry policy for Microsoft Graph (readiness and report), following
 * https://learn.microsoft.com/graph/throttling: honour Retry-After on 429/503/504, back off
 * exponentially when it is absent, and give up within a bounded budget.
 */
export type RetryPolicy = {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Longest single wait we accept; a longer Retry-After stops at once with that figure. */
  maxWaitMs: number;
  /** Backoff base when an answer carries no Retry-After (the first wait is 0.5-1x this). */
  defaultWaitMs: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told before each wait, for progress output. */
  onRetry?: (notice: RetryNotice) => void;
};

export type RetryNotice = { attempt: number; waitMs: number; reason: string };

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, maxWaitMs: 30_000, defaultWaitMs: 2_000 };

/** The report runs unattended for long: it waits out a Retry-After of up to 10 minutes (Graph asks for seconds, not hours). */
export const maxReportRetryAfterMs = 10 * 60 * 1000;

/** Throttled, or the service briefly unavailable: worth the same request again. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
export const isRetryableStatus = (status: number) => retryableStatuses.has(status);

/**
 * Retry-After as delta-seconds or an HTTP date (RFC 9110 section 10.2.3), in milliseconds;
 * null when absent or unreadable. Fractional seconds are not in the RFC but some proxies send
 * them: they count, rounded up to the next millisecond.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // Only a real HTTP date: Date.parse also reads "1.5" or "soon 2" as some date.
  if (!/[a-z]{3},? /i.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter, capped at 30 s, for failures that carry no Retry-After. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** An untrusted or invalid certificate stays so on the next try; a dropped connection may not. */
const isTransient = (causeCode: string) => !/CERT|TLS|SSL|SIGNATURE|UNABLE_TO/i.test(causeCode);

export const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Retries a whole request answered with a retryable status, or that failed in transit, within
 * the policy. A body over the size limit, a certificate problem and a cancelled caller are
 * not retried. When the budget runs out the last answer (or error) goes to the caller, which turns
 * it into its own typed error.
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly policy: RetryPolicy,
    private readonly signal?: AbortSignal,
  ) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const sleep = this.policy.sleep ?? abortableSleep;
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      let waitMs: number | null = null;
      try {
        await this.next?.execute(context);
        const answer = answerOf(context);
        if (!answer || !isRetryableStatus(answer.status)) return;
        reason = `HTTP ${answer.status}`;
        waitMs = parseRetryAfter(answer.header('retry-after'));
        if (attempt >= this.policy.maxAttempts || (waitMs !== null && waitMs > this.policy.maxWaitMs)) return;
      } catch (error) {
        if (!(error instanceof GraphTransportError) || !isTransient(error.causeCode) || this.signal?.aborted || attempt >= this.policy.maxAttempts) {
          throw error;
        }
        reason = error.causeCode;
      }
      const wait = waitMs ?? backoffMs(attempt - 1, this.policy.defaultWaitMs);
      this.policy.onRetry?.({ attempt, waitMs: wait, reason });
      await sleep(wait, this.signal);
    }
  }
}
