import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export type RetryPolicy = {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Longest single wait we accept; a longer Retry-After fails at once with that figure. */
  maxWaitMs: number;
  /** Used when a 429/503 carries no Retry-After. */
  defaultWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
};

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, maxWaitMs: 30_000, defaultWaitMs: 2_000 };

export const isRetryableStatus = (status: number) => status === 429 || status === 503;

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries a whole HTTP request answered 429 or 503, waiting what Retry-After asks, a bounded
 * number of times. When the budget runs out the last answer is left for the caller, which
 * turns it into a typed error.
 */
export class RetryAfterMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly policy: RetryPolicy) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const sleep = this.policy.sleep ?? realSleep;
    for (let attempt = 1; ; attempt += 1) {
      await this.next?.execute(context);
      const response = context.response;
      if (!response || !isRetryableStatus(response.status) || attempt >= this.policy.maxAttempts) return;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? this.policy.defaultWaitMs;
      if (wait > this.policy.maxWaitMs) return;
      await response.body?.cancel();
      await sleep(wait);
    }
  }
}
