import * as z from '../../zod';

/**
 * The parts of Microsoft Graph's conditionalAccessPolicy that decide whether a policy touches
 * this user's mail, in Graph's own JSON shape:
 * https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy
 * Unknown fields pass through unread; a missing or null collection reads as empty, as Graph
 * itself returns `null` for conditions an admin never configured.
 */
const list = z.pipe(
  z.nullish(z.array(z.string())),
  z.transform((value: string[] | null | undefined) => value ?? []),
);

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessusers */
const usersSchema = z.object({
  includeUsers: list,
  excludeUsers: list,
  includeGroups: list,
  excludeGroups: list,
  includeRoles: list,
  excludeRoles: list,
  includeGuestsOrExternalUsers: z.nullish(z.unknown()),
});

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessapplications */
const applicationsSchema = z.object({
  includeApplications: list,
  excludeApplications: list,
  includeUserActions: list,
  includeAuthenticationContextClassReferences: list,
  applicationFilter: z.nullish(z.unknown()),
});

const locationsSchema = z.object({ includeLocations: list, excludeLocations: list });
const platformsSchema = z.object({ includePlatforms: list, excludePlatforms: list });
const devicesSchema = z.object({ deviceFilter: z.nullish(z.unknown()) });

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessconditionset */
const conditionsSchema = z.object({
  users: z.nullish(usersSchema),
  applications: z.nullish(applicationsSchema),
  clientAppTypes: list,
  locations: z.nullish(locationsSchema),
  platforms: z.nullish(platformsSchema),
  devices: z.nullish(devicesSchema),
  userRiskLevels: list,
  signInRiskLevels: list,
  insiderRiskLevels: z.nullish(z.unknown()),
  authenticationFlows: z.nullish(z.unknown()),
});

/** https://learn.microsoft.com/graph/api/resources/conditionalaccessgrantcontrols */
const grantControlsSchema = z.object({
  operator: z.nullish(z.string()),
  builtInControls: list,
  customAuthenticationFactors: list,
  termsOfUse: list,
  authenticationStrength: z.nullish(z.looseObject({ id: z.nullish(z.string()), displayName: z.nullish(z.string()) })),
});

/** https://learn.microsoft.com/graph/api/resources/signinfrequencysessioncontrol */
export const signInFrequencySchema = z.object({
  isEnabled: z.nullish(z.boolean()),
  type: z.catch(z.nullish(z.enum(['days', 'hours'])), null),
  value: z.nullish(z.number().check(z.int())),
  frequencyInterval: z.nullish(z.string()),
  authenticationType: z.nullish(z.string()),
});

export const conditionalAccessPolicySchema = z.object({
  id: z.string(),
  displayName: z.pipe(
    z.nullish(z.string()),
    z.transform((value: string | null | undefined) => value ?? ''),
  ),
  state: z.string(),
  conditions: z.nullish(conditionsSchema),
  grantControls: z.nullish(grantControlsSchema),
  sessionControls: z.nullish(z.object({ signInFrequency: z.nullish(signInFrequencySchema) })),
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
