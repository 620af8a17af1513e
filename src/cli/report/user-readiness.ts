import { assessConditionalAccess, conditionalAccessRequiresMfa, type PolicyRead } from '../../shared/readiness/conditional-access';
import { decideReadiness } from '../../shared/readiness/model';
import type { Verdict } from '../../shared/readiness/verdict';
import type { TenantFacts } from './tenant-facts';

/** What the report knows of one user: their id only (no per-user MFA state, no memberships). */
export type ReportUser = { id: string; upn: string };

export const reportUnknownWhy = {
  perUserMfa: 'The tenant report does not read per-user MFA state; `m365-connect check` signed in as the user does.',
} as const;

/**
 * The verdict for one user of the report, by the app's own rules: the same Conditional Access
 * evaluation and the same model (`m365-connect check` runs them with the user's own facts).
 * Memberships are not read per user, so group and role targeting stays "may apply".
 */
export function reportVerdict(tenant: TenantFacts, user: ReportUser, today: string): Verdict {
  const read: PolicyRead =
    tenant.conditionalAccessPolicies === 'unknown'
      ? { unknown: tenant.conditionalAccessWhy ?? 'The Conditional Access policies could not be read.' }
      : { policies: tenant.conditionalAccessPolicies, complete: true };
  const subject = { userId: user.id, membership: null };
  const mfa = conditionalAccessRequiresMfa(read, subject);
  return decideReadiness({
    account: { upn: user.upn, tenantId: '' },
    facts: { perUserMfa: 'unknown', securityDefaults: tenant.securityDefaults, conditionalAccessMfa: mfa.value, methods: 'unknown', signInUsedMfa: false },
    unknownWhy: {
      ...reportUnknownWhy,
      ...(tenant.securityDefaultsWhy ? { securityDefaults: tenant.securityDefaultsWhy } : {}),
      ...(mfa.value === 'unknown' ? { conditionalAccessMfa: mfa.why } : {}),
    },
    today,
    conditionalAccess: assessConditionalAccess(read, subject),
  });
}

/** One line for the CSV: why the app-password route is what it is. */
export function appPasswordNote(verdict: Verdict): string {
  const ca = verdict.conditionalAccess;
  const names = (outcome: 'blocks' | 'maybe') =>
    (ca?.appPassword.findings ?? [])
      .filter((f) => (outcome === 'blocks' ? f.applies === 'yes' && f.effect === 'blocks' : f.applies === 'maybe' || f.effect === 'requires-device'))
      .map((f) => `"${f.displayName}"`)
      .join(', ');
  if (verdict.routes.appPassword === 'blocked') {
    if (verdict.facts.securityDefaults === true) return 'security defaults are on: app passwords are not available; use OAuth';
    return `Conditional Access ${names('blocks')} refuses legacy SMTP AUTH: use OAuth`;
  }
  const reasons = ['needs per-user MFA enabled and app passwords allowed'];
  if (verdict.facts.securityDefaults === 'unknown') reasons.push('security defaults could not be read');
  if (ca?.appPassword.outcome === 'unknown') reasons.push('Conditional Access could not be read');
  if (ca?.appPassword.outcome === 'may-block') reasons.push(`Conditional Access ${names('maybe')} may apply`);
  if (verdict.unknowns.some((u) => u.fact === 'basicAuthReenabled')) reasons.push('and an admin must have turned Basic SMTP AUTH back on');
  return reasons.join('; ');
}

export type ReportDecision = Pick<Verdict, 'recommended'> & { appPassword: Verdict['routes']['appPassword']; oauth: Verdict['routes']['oauth']; note: string };

/**
 * The report's decision for a user, memoised: with the same tenant facts, users whom no policy
 * names by id get the same decision, so a 100,000-user report decides a handful of times, not
 * 100,000 (the upn does not enter the decision).
 */
const deciders = new WeakMap<TenantFacts, Map<string, (user: ReportUser) => ReportDecision>>();

export function reportDecision(tenant: TenantFacts, user: ReportUser, today: string): ReportDecision {
  let byDay = deciders.get(tenant);
  if (!byDay) deciders.set(tenant, (byDay = new Map()));
  let decide = byDay.get(today);
  if (!decide) byDay.set(today, (decide = decider(tenant, today)));
  return decide(user);
}

function decider(tenant: TenantFacts, today: string): (user: ReportUser) => ReportDecision {
  const named = new Set<string>();
  if (tenant.conditionalAccessPolicies !== 'unknown') {
    for (const policy of tenant.conditionalAccessPolicies) {
      const users = policy.conditions?.users;
      for (const id of [...(users?.includeUsers ?? []), ...(users?.excludeUsers ?? [])]) named.add(id.toLowerCase());
    }
  }
  const cache = new Map<string, ReportDecision>();
  return (user) => {
    const key = named.has(user.id.toLowerCase()) ? user.id.toLowerCase() : '';
    const cached = cache.get(key);
    if (cached) return cached;
    const verdict = reportVerdict(tenant, user, today);
    const decision = { appPassword: verdict.routes.appPassword, oauth: verdict.routes.oauth, recommended: verdict.recommended, note: appPasswordNote(verdict) };
    cache.set(key, decision);
    return decision;
  };
}
