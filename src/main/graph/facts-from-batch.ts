import { z } from 'zod';
import { methodName } from '../../shared/readiness/methods';
import type { FactName, Facts } from '../../shared/readiness/verdict';
import type { BatchId, BatchItemResponse } from './batch-requests';

export type GatheredFacts = {
  user: { id: string | null; upn: string | null; displayName: string | null };
  facts: Omit<Facts, 'signInUsedMfa'>;
  unknownWhy: Partial<Record<FactName, string>>;
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

const meSchema = z.object({ id: z.string(), userPrincipalName: z.string().optional(), displayName: z.string().nullish() });
const methodsSchema = z.object({ value: z.array(z.object({ '@odata.type': z.string() })) });
const requirementsSchema = z.object({ perUserMfaState: z.enum(['disabled', 'enabled', 'enforced']) });
const securityDefaultsSchema = z.object({ isEnabled: z.boolean() });
const idList = z.array(z.string()).nullish().transform((list) => list ?? []);
const caPolicySchema = z.object({
  state: z.string(),
  grantControls: z
    .object({
      builtInControls: idList,
      authenticationStrength: z.unknown().nullish(),
    })
    .nullish(),
  conditions: z
    .object({
      users: z
        .object({
          includeUsers: idList,
          excludeUsers: idList,
          includeGroups: idList,
          excludeGroups: idList,
          includeRoles: idList,
          excludeRoles: idList,
        })
        .nullish(),
    })
    .nullish(),
});
const caPoliciesSchema = z.object({ value: z.array(caPolicySchema), '@odata.nextLink': z.string().optional() });
const memberOfSchema = z.object({
  value: z.array(z.object({ '@odata.type': z.string().optional(), id: z.string(), roleTemplateId: z.string().nullish() })),
  '@odata.nextLink': z.string().optional(),
});

/** Groups and role template ids; `roles` is undefined when roles were listed but not readable. */
type Membership = { groups: Set<string>; roles: Set<string> | undefined; complete: boolean } | null;

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

  let conditionalAccessMfa: Facts['conditionalAccessMfa'] = 'unknown';
  const policies = caPoliciesSchema.safeParse(ok('conditionalAccess')?.body);
  if (policies.success) {
    const membership = membershipOf(ok('memberOf')?.body);
    const decided = conditionalAccessRequiresMfa(policies.data, user.id, membership);
    conditionalAccessMfa = decided.value;
    if (decided.value === 'unknown') unknownWhy.conditionalAccessMfa = decided.why;
  } else {
    unknownWhy.conditionalAccessMfa = whyUnknown('the Conditional Access policies', byId.get('conditionalAccess'), needsAdminConsent);
  }

  return { user, facts: { perUserMfa, securityDefaults, conditionalAccessMfa, methods }, unknownWhy };
}

function membershipOf(body: unknown): Membership {
  const parsed = memberOfSchema.safeParse(body);
  if (!parsed.success) return null;
  const groups = new Set<string>();
  const roles = new Set<string>();
  let rolesReadable = true;
  for (const entry of parsed.data.value) {
    const type = entry['@odata.type']?.toLowerCase();
    if (type === '#microsoft.graph.directoryrole') {
      // Without a role-reading permission Graph lists the role with its template id null.
      if (entry.roleTemplateId) roles.add(entry.roleTemplateId.toLowerCase());
      else rolesReadable = false;
    } else if (type === '#microsoft.graph.group') {
      groups.add(entry.id.toLowerCase());
    }
    // Administrative units and other directory objects are not Conditional Access targets.
  }
  return { groups, roles: rolesReadable ? roles : undefined, complete: parsed.data['@odata.nextLink'] === undefined };
}

type CaPolicies = z.output<typeof caPoliciesSchema>;
type Applies = 'yes' | 'no' | 'maybe';

/**
 * Does an enabled Conditional Access policy require MFA of this user? Report-only policies
 * don't count. Group and role targeting is resolved with the user's memberships; where it
 * cannot be (memberships unreadable or too many), the answer is unknown rather than a guess.
 */
export function conditionalAccessRequiresMfa(
  policies: CaPolicies,
  userId: string | null,
  membership: Membership,
): { value: boolean | 'unknown'; why: string } {
  let maybe = false;
  for (const policy of policies.value) {
    if (policy.state !== 'enabled') continue;
    const grant = policy.grantControls;
    const requiresMfa = Boolean(grant && (grant.builtInControls.includes('mfa') || grant.authenticationStrength));
    if (!requiresMfa) continue;
    const applies = appliesTo(policy.conditions?.users ?? null, userId, membership);
    if (applies === 'yes') return { value: true, why: '' };
    if (applies === 'maybe') maybe = true;
  }
  if (maybe) {
    return { value: 'unknown', why: `A Conditional Access policy requires MFA for some groups or roles, and ${membershipGap(membership)}.` };
  }
  if (policies['@odata.nextLink']) {
    return { value: 'unknown', why: 'There are more Conditional Access policies than one page shows; none on the first page requires MFA of you.' };
  }
  return { value: false, why: '' };
}

/** Why the memberships could not settle it, in words an admin can act on. */
function membershipGap(membership: Membership): string {
  if (membership === null) return 'your group and role memberships could not be read to tell whether it covers you';
  if (!membership.complete) return 'you belong to more groups than one page of Graph lists, so whether it covers you is not known';
  return 'Graph did not name your directory roles (the app registration lacks the RoleManagement.Read.Directory permission), so whether it covers you is not known';
}

type Users = NonNullable<NonNullable<z.output<typeof caPolicySchema>['conditions']>['users']>;

function appliesTo(users: Users | null, userId: string | null, membership: Membership): Applies {
  if (!users) return 'no';
  const known = membership !== null && membership.complete;
  const inAny = (ids: string[], set: Set<string> | undefined): Applies => {
    if (ids.length === 0) return 'no';
    if (!set) return 'maybe';
    if (ids.some((id) => set.has(id.toLowerCase()))) return 'yes';
    return known ? 'no' : 'maybe';
  };
  const excluded = [
    userId !== null && users.excludeUsers.includes(userId) ? 'yes' : 'no',
    inAny(users.excludeGroups, membership?.groups),
    inAny(users.excludeRoles, membership?.roles),
  ] as Applies[];
  if (excluded.includes('yes')) return 'no';
  const included = [
    users.includeUsers.includes('All') || (userId !== null && users.includeUsers.includes(userId)) ? 'yes' : 'no',
    inAny(users.includeGroups, membership?.groups),
    inAny(users.includeRoles, membership?.roles),
  ] as Applies[];
  if (!included.includes('yes')) return included.includes('maybe') ? 'maybe' : 'no';
  return excluded.includes('maybe') ? 'maybe' : 'yes';
}
