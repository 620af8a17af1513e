import type { CaMfaPolicy, TenantFacts } from './tenant-facts';

export type AppPasswordReadiness = { route: 'possible' | 'blocked' | 'unknown'; note: string };

type Coverage = 'covered' | 'not-covered' | 'unknown';

/** Does an enforced CA MFA policy cover this user? Groups and roles cannot be resolved from the report. */
function caCoverage(policies: readonly CaMfaPolicy[], userId: string): Coverage {
  let result: Coverage = 'not-covered';
  for (const policy of policies) {
    if (policy.state !== 'enabled') continue;
    if (policy.excludeUsers.includes(userId)) continue;
    const named = policy.includeUsers.includes('All') || policy.includeUsers.includes(userId);
    if (named && !policy.scopedByGroupsOrRoles) return 'covered';
    if (named || policy.scopedByGroupsOrRoles) result = 'unknown';
  }
  return result;
}

/**
 * Whether this user could use an app password, from the tenant facts and their registration
 * (the rules in src/shared/readiness/model.ts, from Microsoft's app-password page
 * https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords): app passwords exist only with
 * legacy per-user MFA, never with security defaults, and Conditional Access MFA rules them
 * out. Per-user MFA state is not in this report, so "possible" still needs it (and SMTP AUTH
 * on); `m365-connect smtp-test` proves it for one account.
 */
export function appPasswordReadiness(
  facts: TenantFacts,
  user: { id: string; isMfaRegistered: boolean | null },
): AppPasswordReadiness {
  if (facts.securityDefaults === true) {
    return { route: 'blocked', note: 'security defaults are on: app passwords are not available; use OAuth' };
  }
  const coverage = facts.conditionalAccessMfaPolicies === 'unknown' ? 'unknown' : caCoverage(facts.conditionalAccessMfaPolicies, user.id);
  if (coverage === 'covered') {
    return { route: 'blocked', note: 'a Conditional Access policy requires MFA: Basic-auth SMTP cannot satisfy it; use OAuth' };
  }
  if (facts.securityDefaults === 'unknown' || coverage === 'unknown') {
    const what = facts.securityDefaults === 'unknown' ? 'security defaults' : 'Conditional Access scope (groups or roles)';
    return { route: 'unknown', note: `${what} could not be determined` };
  }
  if (user.isMfaRegistered === false) {
    return { route: 'possible', note: 'needs per-user MFA and an MFA method registered first' };
  }
  return { route: 'possible', note: 'needs per-user MFA enabled and app passwords allowed' };
}
