import * as z from '../../shared/zod';
import { methodName } from '../../shared/readiness/methods';
import {
  assessConditionalAccess,
  conditionalAccessRequiresMfa,
  membershipFromMemberOf,
  parsePolicies,
  type PolicyRead,
} from '../../shared/readiness/conditional-access';
import type { ConditionalAccessAssessment, FactName, Facts } from '../../shared/readiness/verdict';
import type { BatchId, BatchItemResponse } from './batch-requests';

export type GatheredFacts = {
  user: { id: string | null; upn: string | null; displayName: string | null };
  facts: Omit<Facts, 'signInUsedMfa'>;
  unknownWhy: Partial<Record<FactName, string>>;
  /** Conditional Access evaluated for both SMTP AUTH routes, by the shared rules. */
  conditionalAccess: ConditionalAccessAssessment;
};

const needsAdminConsent = 'it needs the Policy.Read.All permission with admin consent, which a regular user does not have; your admin can see it';

/** Why a fact is unknown, in words a user can pass on to their admin. */
function whyUnknown(what: string, item: BatchItemResponse | undefined, permissionHint: string): string {
  if (!item) return `Microsoft Graph did not answer for ${what}.`;
  const code = graphErrorCode(item.body);
  const detail = code ? ` (${code})` : '';
  switch (item.status) {
    case 401:
    case 403:
      return `Microsoft Graph refused to show ${what}${detail}: ${permissionHint}.`;
    case 404:
      return `Microsoft Graph has no ${what} for this account${detail}.`;
    case 429:
    case 503:
      return `Microsoft Graph was too busy to show ${what} (HTTP ${item.status}); run the check again later.`;
    default:
      return `Microsoft Graph could not show ${what} (HTTP ${item.status}${detail}).`;
  }
}

function graphErrorCode(body: unknown): string | null {
  const parsed = z.object({ error: z.object({ code: z.string() }) }).safeParse(body);
  return parsed.success ? parsed.data.error.code : null;
}

const meSchema = z.object({ id: z.string(), userPrincipalName: z.optional(z.string()), displayName: z.nullish(z.string()) });
const methodsSchema = z.object({ value: z.array(z.object({ '@odata.type': z.string() })) });
const requirementsSchema = z.object({ perUserMfaState: z.enum(['disabled', 'enabled', 'enforced']) });
const securityDefaultsSchema = z.object({ isEnabled: z.boolean() });
const caPoliciesSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.optional(z.string()) });

/**
 * Turns the batch answers into facts. A 403 (a regular user reading policies) or any other
 * failure makes that fact `unknown` with the reason: never a crash, never a guess.
 */
export function factsFromBatch(items: readonly BatchItemResponse[], tokenUserId: string | null): GatheredFacts {
  const byId = new Map(items.map((item) => [item.id as BatchId, item]));
  const ok = (id: BatchId) => {
    const item = byId.get(id);
    return item && item.status >= 200 && item.status < 300 ? item : null;
  };
  const unknownWhy: GatheredFacts['unknownWhy'] = {};

  const me = meSchema.safeParse(ok('me')?.body);
  const user = {
    id: me.success ? me.data.id : tokenUserId,
    upn: me.success ? (me.data.userPrincipalName ?? null) : null,
    displayName: me.success ? (me.data.displayName ?? null) : null,
  };

  let methods: Facts['methods'] = 'unknown';
  const methodsBody = methodsSchema.safeParse(ok('methods')?.body);
  if (methodsBody.success) {
    methods = [...new Set(methodsBody.data.value.map((m) => methodName(m['@odata.type'])))];
  } else {
    unknownWhy.methods = whyUnknown('your registered sign-in methods', byId.get('methods'), 'it needs the UserAuthenticationMethod.Read permission');
  }

  let perUserMfa: Facts['perUserMfa'] = 'unknown';
  const requirements = requirementsSchema.safeParse(ok('requirements')?.body);
  if (requirements.success) perUserMfa = requirements.data.perUserMfaState;
  else unknownWhy.perUserMfa = whyUnknown('your per-user MFA state', byId.get('requirements'), needsAdminConsent);

  let securityDefaults: Facts['securityDefaults'] = 'unknown';
  const defaults = securityDefaultsSchema.safeParse(ok('securityDefaults')?.body);
  if (defaults.success) securityDefaults = defaults.data.isEnabled;
  else unknownWhy.securityDefaults = whyUnknown('the security defaults setting', byId.get('securityDefaults'), needsAdminConsent);

  const policies = caPoliciesSchema.safeParse(ok('conditionalAccess')?.body);
  const read: PolicyRead = policies.success
    ? { policies: parsePolicies(policies.data.value), complete: policies.data['@odata.nextLink'] === undefined }
    : { unknown: whyUnknown('the Conditional Access policies', byId.get('conditionalAccess'), needsAdminConsent) };
  const subject = { userId: user.id, membership: membershipFromMemberOf(ok('memberOf')?.body) };
  const mfa = conditionalAccessRequiresMfa(read, subject);
  const conditionalAccessMfa = mfa.value;
  if (mfa.value === 'unknown') unknownWhy.conditionalAccessMfa = mfa.why;
  const conditionalAccess = assessConditionalAccess(read, subject);

  return { user, facts: { perUserMfa, securityDefaults, conditionalAccessMfa, methods }, unknownWhy, conditionalAccess };
}
