import type { Counters } from '../faults';
import type { Tenant } from '../state/tenant';
import type { TokenIssuer } from '../tokens/claims';
import type { EntraStore } from './store';

export type EntraContext = {
  tenant: Tenant;
  store: EntraStore;
  tokens: TokenIssuer;
  /** https://127.0.0.1:PORT */
  host: string;
  counters: Counters;
  latencyMs: () => number;
  deviceCodeIntervalSeconds: number;
};

/** The tenant segment of a path: the tenant id, its domain, or the organizations/common aliases. */
export function tenantMatches(ctx: EntraContext, segment: string): boolean {
  const value = segment.toLowerCase();
  const tenant = ctx.tenant.scenario.tenant;
  return value === tenant.id.toLowerCase() || value === tenant.domain.toLowerCase() || value === 'organizations' || value === 'common';
}

/** The tenant's people and their sign-in details, for the sign-in pages' demo hint. */
export const demoAccounts = (ctx: EntraContext): { upn: string; password: string; mfaCode: string }[] =>
  ctx.tenant.users.map((user) => ({ upn: user.upn, password: user.password, mfaCode: user.mfaCode }));
