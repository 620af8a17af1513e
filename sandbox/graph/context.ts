import type { Counters, FaultInjector } from '../faults';
import type { Tenant } from '../state/tenant';
import type { AccessTokenClaims, TokenIssuer } from '../tokens/claims';

export type GraphLogEntry = { method: string; path: string; status: number; batchItems?: number };

export type GraphContext = {
  tenant: Tenant;
  tokens: TokenIssuer;
  /** https://127.0.0.1:PORT2 */
  base: string;
  counters: Counters;
  faults: FaultInjector;
  latencyMs: () => number;
  log: GraphLogEntry[];
};

/** What a route needs to know about the caller. */
export type Caller = { claims: AccessTokenClaims; hasAnyScope: (...scopes: string[]) => boolean };
