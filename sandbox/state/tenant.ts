import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { userConsentableScopes, type ConditionalAccessPolicy, type Group, type Scenario, type ScenarioUser } from '../scenario/schema';
import { rolesOf, transitiveGroups } from './membership';

export const maxAppPasswordsPerUser = 40;

export type AppPassword = { id: string; name: string; createdDateTime: string; secretHash: string | null };
export type SandboxUser = Omit<ScenarioUser, 'id' | 'appPasswords'> & { id: string; appPasswords: AppPassword[] };

/** A GUID derived from text, so users without an explicit id keep the same oid every run. */
export function stableGuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The mutable tenant behind one sandbox run: users, their app passwords, and policy answers. */
export class Tenant {
  readonly users: SandboxUser[];

  constructor(readonly scenario: Scenario) {
    this.users = scenario.users.map((user) => ({
      ...user,
      id: user.id ?? stableGuid(user.upn.toLowerCase()),
      appPasswords: user.appPasswords.map((seed) => ({
        id: randomUUID(),
        name: seed.name,
        createdDateTime: seed.createdDateTime ?? new Date().toISOString(),
        secretHash: null, // seeded passwords exist, but their secret is unknown to everyone
      })),
    }));
  }

  get id(): string {
    return this.scenario.tenant.id;
  }

  /** Finds a user by UPN (case-insensitive) or object id. */
  findUser(upnOrId: string): SandboxUser | undefined {
    const key = upnOrId.trim().toLowerCase();
    return this.users.find((user) => user.upn.toLowerCase() === key || user.id.toLowerCase() === key);
  }

  passwordMatches(user: SandboxUser, password: string): boolean {
    return safeEqual(user.password, password);
  }

  /**
   * Enabled CA policies that apply to this user: by user, group (nested too) or role, exclusions
   * win; and, for one access, by client type (an app password over SMTP is a legacy client,
   * `other`) and target resource (All, Office365 or the resource's app id). No access = any.
   */
  conditionalAccessFor(user: SandboxUser, access: CaAccess = { client: 'modern' }): ConditionalAccessPolicy[] {
    const groups = new Set(this.groupsOf(user).map((group) => group.id.toLowerCase()));
    const roles = new Set(rolesOf(user).map((id) => id.toLowerCase()));
    return this.scenario.tenant.conditionalAccessPolicies.filter((policy) => {
      if (policy.state !== 'enabled') return false;
      const named = (list: string[]): boolean => list.some((entry) => entry === 'All' || entry.toLowerCase() === user.upn.toLowerCase() || entry === user.id);
      const included = named(policy.includeUsers) || policy.includeGroups.some((id) => groups.has(id.toLowerCase())) || policy.includeRoles.some((id) => roles.has(id.toLowerCase()));
      const excluded = named(policy.excludeUsers) || policy.excludeGroups.some((id) => groups.has(id.toLowerCase())) || policy.excludeRoles.some((id) => roles.has(id.toLowerCase()));
      return included && !excluded && clientMatches(policy, access.client) && resourceMatches(policy, access.resourceAppId);
    });
  }
  groupsOf(user: SandboxUser): Group[] {
    return transitiveGroups(this.scenario.tenant.groups, user);
  }

  blockedByConditionalAccess(user: SandboxUser, access?: CaAccess): boolean {
    return this.conditionalAccessFor(user, access).some((policy) => policy.builtInControls.includes('block'));
  }

  /** A device control no other control can stand in for: the sandbox's browser is never a managed device. */
  deviceRequired(user: SandboxUser, access?: CaAccess): boolean {
    return this.conditionalAccessFor(user, access).some((policy) => {
      const device = policy.builtInControls.some((control) => control === 'compliantDevice' || control === 'domainJoinedDevice');
      const alternative = policy.builtInControls.includes('mfa') || policy.authenticationStrength !== undefined;
      return device && (policy.grantOperator === 'AND' || !alternative);
    });
  }

  /** Whether a sign-in must pass a second factor (per-user MFA, security defaults, or CA). */
  mfaRequired(user: SandboxUser, access?: CaAccess): boolean {
    return (
      user.perUserMfa !== 'disabled' ||
      this.scenario.tenant.securityDefaults ||
      this.conditionalAccessFor(user, access).some((policy) => policy.builtInControls.includes('mfa') || policy.authenticationStrength !== undefined)
    );
  }

  hasStrongMethod(user: SandboxUser): boolean {
    return user.methods.some((method) => method !== 'password' && method !== 'email');
  }

  /** Why this user can't create an app password, or null when they can (mirrors M365's rules). */
  appPasswordBlocker(user: SandboxUser): string | null {
    if (this.scenario.tenant.securityDefaults) return 'App passwords cannot be used while security defaults are on.';
    if (user.perUserMfa === 'disabled') return 'App passwords exist only with per-user MFA, which is not enabled for this user.';
    if (!this.scenario.tenant.allowAppPasswords) return 'Your organisation does not allow users to create app passwords.';
    if (user.appPasswords.length >= maxAppPasswordsPerUser) return `You can have at most ${maxAppPasswordsPerUser} app passwords.`;
    return null;
  }

  /** Creates an app password and returns its secret: 16 lowercase letters, shown once. */
  createAppPassword(user: SandboxUser, name: string): string {
    const blocker = this.appPasswordBlocker(user);
    if (blocker) throw new Error(blocker);
    if (name.trim().length < 8) throw new Error('The app password name must be at least 8 characters.');
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const secret = Array.from(randomBytes(16), (byte) => letters[byte % 26]).join('');
    user.appPasswords.push({ id: randomUUID(), name: name.trim(), createdDateTime: new Date().toISOString(), secretHash: hashSecret(secret) });
    return secret;
  }

  deleteAppPassword(user: SandboxUser, id: string): boolean {
    const before = user.appPasswords.length;
    user.appPasswords = user.appPasswords.filter((entry) => entry.id !== id);
    return user.appPasswords.length < before;
  }

  appPasswordMatches(user: SandboxUser, secret: string): boolean {
    // Exchange tolerates the spaces the portal shows between groups.
    const hash = hashSecret(secret.replace(/\s+/g, ''));
    return user.appPasswords.some((entry) => entry.secretHash !== null && safeEqual(entry.secretHash, hash));
  }

  /** Scopes this user may consent to, as lower-case short names; null means any (an admin). */
  consentable(user: SandboxUser): Set<string> | null {
    if (!user.canConsentTo && user.isAdmin) return null;
    if (user.canConsentTo?.includes('*')) return null;
    const list = user.canConsentTo ?? userConsentableScopes;
    return new Set(list.map((scope) => scope.toLowerCase()));
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** One access as Conditional Access sees it: the client type and the resource signed in to. */
export type CaAccess = { client: 'modern' | 'legacy'; resourceAppId?: string };

const exchangeOnline = '00000002-0000-0ff1-ce00-000000000000';
const sharePointOnline = '00000003-0000-0ff1-ce00-000000000000';
/** The Office 365 suite, as far as the sandbox's resources go. */
const office365 = new Set([exchangeOnline, sharePointOnline]);

function clientMatches(policy: ConditionalAccessPolicy, client: CaAccess['client']): boolean {
  const types = policy.clientAppTypes;
  if (types.length === 0 || types.includes('all')) return true;
  return client === 'legacy' ? types.includes('other') : types.includes('browser') || types.includes('mobileAppsAndDesktopClients');
}

function resourceMatches(policy: ConditionalAccessPolicy, resource: string | undefined): boolean {
  if (resource === undefined) return true;
  const named = (list: string[]) => list.some((entry) => entry.toLowerCase() === resource || (entry === 'Office365' && office365.has(resource)));
  if (named(policy.excludeApplications)) return false;
  return policy.includeApplications.includes('All') || named(policy.includeApplications);
}
