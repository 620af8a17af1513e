import { z } from 'zod';

/** A Conditional Access policy that requires MFA, reduced to who it covers. */
export const caMfaPolicySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /** 'enabled' enforces; 'enabledForReportingButNotEnforced' only logs. */
  state: z.string(),
  includeUsers: z.array(z.string()),
  excludeUsers: z.array(z.string()),
  /** Groups or roles are in play: who is covered cannot be told from user ids alone. */
  scopedByGroupsOrRoles: z.boolean(),
});
export type CaMfaPolicy = z.infer<typeof caMfaPolicySchema>;

export const tenantFactsSchema = z.object({
  securityDefaults: z.union([z.boolean(), z.literal('unknown')]),
  securityDefaultsWhy: z.string().optional(),
  conditionalAccessMfaPolicies: z.union([z.array(caMfaPolicySchema), z.literal('unknown')]),
  conditionalAccessWhy: z.string().optional(),
});
export type TenantFacts = z.infer<typeof tenantFactsSchema>;

const rawPolicySchema = z.object({
  id: z.string(),
  displayName: z.string().default(''),
  state: z.string().default('disabled'),
  conditions: z
    .object({
      users: z
        .object({
          includeUsers: z.array(z.string()).nullish(),
          excludeUsers: z.array(z.string()).nullish(),
          includeGroups: z.array(z.string()).nullish(),
          excludeGroups: z.array(z.string()).nullish(),
          includeRoles: z.array(z.string()).nullish(),
          excludeRoles: z.array(z.string()).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  grantControls: z
    .object({
      builtInControls: z.array(z.string()).nullish(),
      authenticationStrength: z.unknown().nullish(),
    })
    .nullish(),
});

/** The CA policies (Graph `value[]`) that require MFA and are not switched off. */
export function mfaPoliciesFrom(values: readonly unknown[]): CaMfaPolicy[] {
  const policies: CaMfaPolicy[] = [];
  for (const value of values) {
    const parsed = rawPolicySchema.safeParse(value);
    if (!parsed.success) continue;
    const policy = parsed.data;
    const grant = policy.grantControls;
    const requiresMfa = (grant?.builtInControls ?? []).includes('mfa') || (grant?.authenticationStrength ?? null) !== null;
    if (!requiresMfa || policy.state === 'disabled') continue;
    const users = policy.conditions?.users;
    const nonEmpty = (list: string[] | null | undefined) => (list ?? []).length > 0;
    policies.push({
      id: policy.id,
      displayName: policy.displayName,
      state: policy.state,
      includeUsers: users?.includeUsers ?? [],
      excludeUsers: users?.excludeUsers ?? [],
      scopedByGroupsOrRoles:
        nonEmpty(users?.includeGroups) ||
        nonEmpty(users?.excludeGroups) ||
        nonEmpty(users?.includeRoles) ||
        nonEmpty(users?.excludeRoles),
    });
  }
  return policies;
}
