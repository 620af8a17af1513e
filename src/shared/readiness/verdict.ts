import { z } from 'zod';

/** The one JSON form of the readiness verdict: the UI, `check --json` and the report share it. */
export const perUserMfaStateSchema = z.enum(['disabled', 'enabled', 'enforced', 'unknown']);
export const triStateSchema = z.union([z.boolean(), z.literal('unknown')]);
export const routeStateSchema = z.enum(['possible', 'blocked', 'unknown']);

export const factsSchema = z.object({
  perUserMfa: perUserMfaStateSchema,
  securityDefaults: triStateSchema,
  conditionalAccessMfa: triStateSchema,
  methods: z.union([z.array(z.string()), z.literal('unknown')]),
  signInUsedMfa: z.boolean(),
});
export type Facts = z.infer<typeof factsSchema>;
export type FactName = keyof Facts;

export const stepSchema = z.object({
  guide: z.string(),
  who: z.enum(['user', 'admin']),
  why: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

export const unknownSchema = z.object({ fact: z.string(), why: z.string() });

export const verdictSchema = z.object({
  account: z.object({ upn: z.string(), tenantId: z.string() }),
  facts: factsSchema,
  routes: z.object({ appPassword: routeStateSchema, oauth: routeStateSchema }),
  recommended: z.enum(['app-password', 'oauth', 'admin-action']),
  steps: z.array(stepSchema),
  unknowns: z.array(unknownSchema),
  /** Plain-language summary and the Basic-auth retirement notice, for people. */
  summary: z.string(),
  notices: z.array(z.string()),
});
export type Verdict = z.infer<typeof verdictSchema>;
