import { z } from 'zod';

/**
 * The parts of Microsoft Graph's conditionalAccessPolicy that decide whether a policy touches
 * this user's mail, in Graph's own JSON shape:
 * https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy
 * Unknown fields pass through unread; a missing or null collection reads as empty, as Graph
 * itself returns `null` for conditions an admin never configured.
 */
const list = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessusers */
const usersSchema = z.object({
  includeUsers: list,
  excludeUsers: list,
  includeGroups: list,
  excludeGroups: list,
  includeRoles: list,
  excludeRoles: list,
  includeGuestsOrExternalUsers: z.unknown().nullish(),
});

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessapplications */
const applicationsSchema = z.object({
  includeApplications: list,
  excludeApplications: list,
  includeUserActions: list,
  includeAuthenticationContextClassReferences: list,
  applicationFilter: z.unknown().nullish(),
});

const locationsSchema = z.object({ includeLocations: list, excludeLocations: list });
const platformsSchema = z.object({ includePlatforms: list, excludePlatforms: list });
const devicesSchema = z.object({ deviceFilter: z.unknown().nullish() });

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessconditionset */
const conditionsSchema = z.object({
  users: usersSchema.nullish(),
  applications: applicationsSchema.nullish(),
  clientAppTypes: list,
  locations: locationsSchema.nullish(),
  platforms: platformsSchema.nullish(),
  devices: devicesSchema.nullish(),
  userRiskLevels: list,
  signInRiskLevels: list,
  insiderRiskLevels: z.unknown().nullish(),
  authenticationFlows: z.unknown().nullish(),
});

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessgrantcontrols */
const grantControlsSchema = z.object({
  operator: z.string().nullish(),
  builtInControls: list,
  customAuthenticationFactors: list,
  termsOfUse: list,
  authenticationStrength: z
    .object({ id: z.string().nullish(), displayName: z.string().nullish() })
    .passthrough()
    .nullish(),
});

/** https://learn.microsoft.com/graph/api/resources/signinfrequencysessioncontrol */
export const signInFrequencySchema = z.object({
  isEnabled: z.boolean().nullish(),
  type: z.enum(['days', 'hours']).nullish().catch(null),
  value: z.number().int().nullish(),
  frequencyInterval: z.string().nullish(),
  authenticationType: z.string().nullish(),
});

export const conditionalAccessPolicySchema = z.object({
  id: z.string(),
  displayName: z.string().nullish().transform((value) => value ?? ''),
  state: z.string(),
  conditions: conditionsSchema.nullish(),
  grantControls: grantControlsSchema.nullish(),
  sessionControls: z.object({ signInFrequency: signInFrequencySchema.nullish() }).nullish(),
});

export type ConditionalAccessPolicy = z.output<typeof conditionalAccessPolicySchema>;
export type SignInFrequencyControl = z.output<typeof signInFrequencySchema>;

/** Graph's `value[]` as policies; an entry that is not a policy is skipped, never a crash. */
export function parsePolicies(values: readonly unknown[]): ConditionalAccessPolicy[] {
  const policies: ConditionalAccessPolicy[] = [];
  for (const value of values) {
    const parsed = conditionalAccessPolicySchema.safeParse(value);
    if (parsed.success) policies.push(parsed.data);
  }
  return policies;
}
