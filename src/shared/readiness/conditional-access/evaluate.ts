import type { ConditionalAccessPolicy } from './graph-policy';
import { membershipGap, type Membership, type Subject } from './membership';
import { coversExchange, knownOtherApps } from './targets';

/**
 * How Entra evaluates a Conditional Access policy for one sign-in to Exchange Online, with the
 * two ways SMTP AUTH signs in:
 * - `legacy`: an app password over SMTP AUTH is Basic authentication, client app type `other`
 *   ("Other clients ... SMTP", https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions#client-apps).
 * - `modern`: OAuth (XOAUTH2) from a desktop tool, client app type `mobileAppsAndDesktopClients`.
 * A policy applies when every configured condition matches (users, target resources, client
 * apps, and the rest); its grant controls then decide.
 * (https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-policies)
 */
export type Client = 'legacy' | 'modern';
export type Applies = 'yes' | 'no' | 'maybe';

export type PolicyEffect =
  /** The sign-in is refused: grant `block`, or controls this client cannot satisfy. */
  | 'blocks'
  /** MFA or an authentication strength: an OAuth sign-in satisfies it, a legacy one cannot. */
  | 'requires-mfa'
  /** A compliant or hybrid-joined device: depends on the computer the tool runs on. */
  | 'requires-device'
  /** Session controls only (e.g. sign-in frequency): nothing to satisfy. */
  | 'session-only';

export type PolicyFinding = {
  policyId: string;
  displayName: string;
  applies: Exclude<Applies, 'no'>;
  effect: PolicyEffect;
  /** Why it may (rather than does) apply: the conditions this check cannot know, named. */
  maybeBecause: string[];
};

/** Enforced policies only: `enabledForReportingButNotEnforced` logs its result and grants anyway. */
export const isEnforced = (policy: ConditionalAccessPolicy): boolean => policy.state === 'enabled';

const lower = (ids: readonly string[]) => ids.map((id) => id.toLowerCase());

/** conditions.users: exclusions win over inclusions (conditionalAccessUsers). */
export function usersApply(policy: ConditionalAccessPolicy, subject: Subject): { applies: Applies; why: string[] } {
  const users = policy.conditions?.users;
  if (!users) return { applies: 'no', why: [] };
  const { userId, membership } = subject;
  const id = userId?.toLowerCase() ?? null;
  const known = membership !== null && membership.complete;
  const why: string[] = [];
  const inAny = (ids: readonly string[], set: Set<string> | undefined, what: string): Applies => {
    if (ids.length === 0) return 'no';
    if (set && lower(ids).some((entry) => set.has(entry))) return 'yes';
    if (set && known) return 'no';
    why.push(`it targets ${what} and ${membershipGap(membership)}`);
    return 'maybe';
  };
  const named = (ids: readonly string[]) => (id !== null && lower(ids).includes(id) ? 'yes' : 'no');
  const guests = (ids: readonly string[]): Applies => {
    if (!ids.includes('GuestsOrExternalUsers')) return 'no';
    why.push('it targets guest or external users, and whether this account is one was not read');
    return 'maybe';
  };
  const excluded: Applies[] = [
    named(users.excludeUsers),
    guests(users.excludeUsers),
    inAny(users.excludeGroups, membership?.groups, 'excluded groups'),
    inAny(users.excludeRoles, membership?.roles, 'excluded directory roles'),
  ];
  if (excluded.includes('yes')) return { applies: 'no', why: [] };
  const included: Applies[] = [
    users.includeUsers.includes('All') ? 'yes' : named(users.includeUsers),
    guests(users.includeUsers),
    inAny(users.includeGroups, membership?.groups, 'groups'),
    inAny(users.includeRoles, membership?.roles, 'directory roles'),
  ];
  if (included.includes('yes')) return excluded.includes('maybe') ? { applies: 'maybe', why } : { applies: 'yes', why: [] };
  return included.includes('maybe') ? { applies: 'maybe', why } : { applies: 'no', why: [] };
}

/** conditions.applications: does the policy target Exchange Online? */
export function exchangeTargeted(policy: ConditionalAccessPolicy): { applies: Applies; why: string[] } {
  const apps = policy.conditions?.applications;
  // Graph always sends target resources (required); an answer without them cannot be read as a no.
  if (!apps) return { applies: 'maybe', why: ['the answer did not say which applications it targets'] };
  const include = lower(apps.includeApplications);
  const exclude = lower(apps.excludeApplications);
  if (exclude.some((app) => coversExchange.has(app) && app !== 'all')) return { applies: 'no', why: [] };
  if (include.some((app) => coversExchange.has(app))) {
    // A filter on custom security attributes can include or exclude Exchange: not readable here.
    if (apps.applicationFilter) return { applies: 'maybe', why: ['it filters applications by custom security attributes, which this check cannot read'] };
    return { applies: 'yes', why: [] };
  }
  const unknown = include.filter((app) => !Object.hasOwn(knownOtherApps, app));
  if (unknown.length > 0) {
    return { applies: 'maybe', why: [`it targets application ${unknown.join(', ')}, which this check does not know to be or not be part of Exchange Online`] };
  }
  // Only other apps, user actions (security info registration) or authentication contexts.
  return { applies: 'no', why: [] };
}

/** conditions.clientAppTypes; none configured means all (the policy's default). */
export function clientTypeMatches(policy: ConditionalAccessPolicy, client: Client): boolean {
  const types = policy.conditions?.clientAppTypes ?? [];
  if (types.length === 0 || types.includes('all')) return true;
  return client === 'legacy' ? types.includes('other') : types.includes('mobileAppsAndDesktopClients');
}

/** Conditions that depend on the sign-in itself, which a check run in advance cannot know. */
export function unknowableConditions(policy: ConditionalAccessPolicy): string[] {
  const conditions = policy.conditions;
  if (!conditions) return [];
  const why: string[] = [];
  const locations = conditions.locations;
  if (locations && (locations.includeLocations.length > 0 || locations.excludeLocations.length > 0)) {
    why.push('it depends on the network location the tool signs in from');
  }
  const platforms = conditions.platforms;
  if (platforms && (platforms.includePlatforms.length > 0 || platforms.excludePlatforms.length > 0)) {
    why.push('it depends on the device platform (operating system) the tool runs on');
  }
  if (conditions.devices?.deviceFilter) why.push('it depends on the device the tool runs on (device filter)');
  if (conditions.userRiskLevels.length > 0) why.push(`it applies at user risk ${conditions.userRiskLevels.join('/')}, which Entra ID Protection decides at sign-in`);
  if (conditions.signInRiskLevels.length > 0) why.push(`it applies at sign-in risk ${conditions.signInRiskLevels.join('/')}, which Entra ID Protection decides at sign-in`);
  if (conditions.insiderRiskLevels) why.push('it depends on the insider risk level Microsoft Purview assigns');
  if (conditions.authenticationFlows) why.push('it depends on the sign-in flow used (device code or authentication transfer)');
  return why;
}

type ControlOutcome = 'satisfiable' | 'device' | 'impossible';

/**
 * One grant control for one client. Legacy (Basic) clients cannot do MFA nor pass device state,
 * so every control is out of their reach
 * (https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication).
 * Approved/protected client app controls are for iOS and Android apps, not desktop SMTP tools.
 */
function controlFor(control: string, client: Client): ControlOutcome {
  if (control === 'block') return 'impossible';
  if (client === 'legacy') return 'impossible';
  switch (control) {
    case 'mfa':
    case 'authenticationStrength':
    case 'passwordChange':
    case 'termsOfUse':
      return 'satisfiable';
    case 'compliantDevice':
    case 'domainJoinedDevice':
      return 'device';
    default:
      return 'impossible';
  }
}

/** grantControls with its operator (AND: all controls, OR: one of them). */
export function grantEffect(policy: ConditionalAccessPolicy, client: Client): PolicyEffect {
  const grant = policy.grantControls;
  const controls = [...(grant?.builtInControls ?? [])];
  if (grant?.authenticationStrength) controls.push('authenticationStrength');
  if ((grant?.termsOfUse ?? []).length > 0) controls.push('termsOfUse');
  if ((grant?.customAuthenticationFactors ?? []).length > 0) controls.push('customAuthenticationFactors');
  if (controls.length === 0) return 'session-only';
  if (controls.includes('block')) return 'blocks';
  const outcomes = controls.map((control) => controlFor(control, client));
  const requiresMfa = controls.some((control) => control === 'mfa' || control === 'authenticationStrength');
  const and = (grant?.operator ?? 'OR').toUpperCase() === 'AND';
  if (and) {
    if (outcomes.includes('impossible')) return 'blocks';
    if (outcomes.includes('device')) return 'requires-device';
    return requiresMfa ? 'requires-mfa' : 'session-only';
  }
  if (outcomes.includes('satisfiable')) return requiresMfa ? 'requires-mfa' : 'session-only';
  if (outcomes.includes('device')) return 'requires-device';
  return 'blocks';
}

/** One policy, one client, one user: null when it does not apply. */
export function evaluatePolicy(policy: ConditionalAccessPolicy, subject: Subject, client: Client): PolicyFinding | null {
  if (!isEnforced(policy)) return null;
  if (!clientTypeMatches(policy, client)) return null;
  const apps = exchangeTargeted(policy);
  if (apps.applies === 'no') return null;
  const users = usersApply(policy, subject);
  if (users.applies === 'no') return null;
  const maybeBecause = [...users.why, ...apps.why, ...unknowableConditions(policy)];
  return {
    policyId: policy.id,
    displayName: policy.displayName,
    applies: maybeBecause.length > 0 ? 'maybe' : 'yes',
    effect: grantEffect(policy, client),
    maybeBecause,
  };
}

export type { Membership, Subject };

/** Whether the grant asks for MFA (built-in `mfa` or an authentication strength). */
export function grantAsksForMfa(policy: ConditionalAccessPolicy): boolean {
  const grant = policy.grantControls;
  return Boolean(grant && (grant.builtInControls.includes('mfa') || grant.authenticationStrength));
}
