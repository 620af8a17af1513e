/**
 * Slows down repeated wrong local logins: each failure for the same user name doubles the
 * wait before the reply (250 ms, 500 ms, ... up to 8 s); a good login resets it. Guessing a
 * 32-character random password is hopeless anyway; this keeps a looping tool from hammering.
 */
export class FailureDelay {
  private readonly failures = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly baseMs = 250,
    private readonly maxMs = 8000,
    /** Failures older than this are forgotten. */
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Records a failure and returns how long to wait before answering it. */
  fail(key: string, now = Date.now()): number {
    const id = key.trim().toLowerCase();
    const previous = this.failures.get(id);
    const count = previous && now - previous.at < this.windowMs ? previous.count + 1 : 1;
    this.failures.set(id, { count, at: now });
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
    return Math.min(this.maxMs, this.baseMs * 2 ** (count - 1));
  }

  succeed(key: string): void {
    this.failures.delete(key.trim().toLowerCase());
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
