/** Statuses worth retrying: throttled, or the service briefly unavailable. */
export const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/** Longest Retry-After we honour before giving up with a resume hint (Graph asks for seconds, not hours). */
export const maxRetryAfterMs = 10 * 60 * 1000;

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3). Returns the wait in
 * milliseconds, or null when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff with jitter for failures that carry no Retry-After. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
