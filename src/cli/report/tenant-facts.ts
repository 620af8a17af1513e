import * as z from '../../shared/zod';
import { conditionalAccessPolicySchema } from '../../shared/readiness/conditional-access';

/**
 * The tenant-wide facts the report reads once: security defaults and every Conditional Access
 * policy, in Graph's shape, so each user's route is decided by the same rules as the app's
 * (src/shared/readiness).
 */
export const tenantFactsSchema = z.object({
  securityDefaults: z.union([z.boolean(), z.literal('unknown')]),
  securityDefaultsWhy: z.optional(z.string()),
  conditionalAccessPolicies: z.union([z.array(conditionalAccessPolicySchema), z.literal('unknown')]),
  conditionalAccessWhy: z.optional(z.string()),
});
export type TenantFacts = z.infer<typeof tenantFactsSchema>;
