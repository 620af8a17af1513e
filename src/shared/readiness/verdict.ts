import * as z from '../zod';

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

/** One Conditional Access policy that does or may apply to a route (conditional-access/evaluate.ts). */
export const caFindingSchema = z.object({
  policyId: z.string(),
  displayName: z.string(),
  applies: z.enum(['yes', 'maybe']),
  effect: z.enum(['blocks', 'requires-mfa', 'requires-device', 'session-only']),
  maybeBecause: z.array(z.string()),
});
export const caRouteSchema = z.object({
  /** clear: nothing enforced stops it; may-block: depends on what the check cannot know. */
  outcome: z.enum(['clear', 'blocked', 'may-block', 'unknown']),
  findings: z.array(caFindingSchema),
});
export const signInFrequencySchema = z.object({
  /** null = every sign-in (frequencyInterval everyTime). */
  hours: z.nullable(z.number()),
  policy: z.string(),
  applies: z.enum(['yes', 'maybe']),
  text: z.string(),
});
/** Conditional Access as Entra would evaluate it for SMTP AUTH: app password vs OAuth. */
export const conditionalAccessSchema = z.object({
  appPassword: caRouteSchema,
  oauth: caRouteSchema,
  signInFrequency: z.nullable(signInFrequencySchema),
  /** Why the policies could not be read (outcome unknown). */
  why: z.optional(z.string()),
});
export type CaFinding = z.infer<typeof caFindingSchema>;
export type CaRoute = z.infer<typeof caRouteSchema>;
export type SignInFrequency = z.infer<typeof signInFrequencySchema>;
export type ConditionalAccessAssessment = z.infer<typeof conditionalAccessSchema>;

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
  conditionalAccess: z.optional(conditionalAccessSchema),
});
export type Verdict = z.infer<typeof verdictSchema>;
