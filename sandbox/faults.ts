import type { Faults, GraphFault } from './scenario/schema';

export type FaultSettings = Faults;

/**
 * Injected failures. Graph faults answer the next `times` Graph HTTP requests with 429/503
 * and Retry-After; SMTP faults drop the connection mid-AUTH or delay the greeting.
 */
export class FaultInjector {
  private graph: GraphFault | undefined;
  smtpDropMidAuth = false;
  smtpGreetingDelayMs = 0;

  constructor(initial: Faults) {
    this.set(initial);
  }

  /** Replaces the settings named in `faults`; names left out keep their value. */
  set(faults: Faults): void {
    if ('graph' in faults) this.graph = faults.graph ? { ...faults.graph } : undefined;
    if (faults.smtpDropMidAuth !== undefined) this.smtpDropMidAuth = faults.smtpDropMidAuth;
    if (faults.smtpGreetingDelayMs !== undefined) this.smtpGreetingDelayMs = faults.smtpGreetingDelayMs;
  }

  clear(): void {
    this.graph = undefined;
    this.smtpDropMidAuth = false;
    this.smtpGreetingDelayMs = 0;
  }

  /** Consumes one injected Graph failure, if any remain. */
  takeGraphFault(): { status: 429 | 503; retryAfterSeconds: number } | null {
    if (!this.graph || this.graph.times <= 0) return null;
    this.graph.times -= 1;
    return { status: this.graph.status, retryAfterSeconds: this.graph.retryAfterSeconds };
  }
}

export type Counters = {
  /** Graph HTTP requests (a $batch is one request). */
  graphRequests: number;
  /** Requests inside $batch bodies, for tests that care. */
  graphBatchItems: number;
  tokenRequests: number;
  /** OpenID configuration and instance discovery documents served. */
  discoveryRequests: number;
  authorizeRequests: number;
  deviceCodeRequests: number;
  smtpConnections: number;
  smtpAuthAttempts: number;
  smtpMessages: number;
};

export const zeroCounters = (): Counters => ({
  graphRequests: 0,
  graphBatchItems: 0,
  tokenRequests: 0,
  discoveryRequests: 0,
  authorizeRequests: 0,
  deviceCodeRequests: 0,
  smtpConnections: 0,
  smtpAuthAttempts: 0,
  smtpMessages: 0,
});
