import { describe, expect, it } from 'vitest';
import {
  assessConditionalAccess,
  conditionalAccessRequiresMfa,
  parsePolicies,
  type Membership,
  type Subject,
} from '../../src/shared/readiness/conditional-access';
import { azureManagement, exchangeOnline, globalAdministrator, grant, graphPolicy, templates } from '../support/ca-policies';

const userId = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';
const member = (groups: string[] = [], roles: string[] | null = [], complete = true): Membership => ({
  groups: new Set(groups),
  roles: roles ? new Set(roles) : undefined,
  complete,
});
const me: Subject = { userId, membership: member() };
const assess = (policies: unknown[], subject: Subject = me, complete = true) => assessConditionalAccess({ policies: parsePolicies(policies), complete }, subject);
const outcomes = (policies: unknown[], subject: Subject = me) => {
  const result = assess(policies, subject);
  return { appPassword: result.appPassword.outcome, oauth: result.oauth.outcome };
};

describe('conditions.clientAppTypes: app password = legacy client (other), OAuth = mobileAppsAndDesktopClients', () => {
  it("Microsoft's Block legacy authentication template blocks the app password, not OAuth", () => {
    const result = assess([templates.blockLegacyAuthentication()]);
    expect(result.appPassword.outcome).toBe('blocked');
    expect(result.appPassword.findings[0]).toMatchObject({ displayName: 'Block legacy authentication', applies: 'yes', effect: 'blocks' });
    expect(result.oauth).toEqual({ outcome: 'clear', findings: [] });
  });

  it('a block for browser + mobileAppsAndDesktopClients does not touch legacy SMTP AUTH', () => {
    const policy = graphPolicy({ clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'], grantControls: grant(['block']) });
    expect(outcomes([policy])).toEqual({ appPassword: 'clear', oauth: 'blocked' });
  });

  it('Exchange ActiveSync alone is not SMTP AUTH', () => {
    expect(outcomes([graphPolicy({ clientAppTypes: ['exchangeActiveSync'], grantControls: grant(['block']) })])).toEqual({ appPassword: 'clear', oauth: 'clear' });
  });

  it('all (and none configured) covers both clients: MFA blocks the legacy client, OAuth satisfies it', () => {
    for (const clientAppTypes of [['all'], []]) {
      const result = assess([graphPolicy({ clientAppTypes })]);
      expect(result.appPassword.outcome).toBe('blocked');
      expect(result.oauth.outcome).toBe('clear');
      expect(result.oauth.findings[0]?.effect).toBe('requires-mfa');
    }
  });
});

describe('conditions.applications: does the policy target Exchange Online?', () => {
  it.each([
    ['All', ['All'], [], 'blocked'],
    ['the Office 365 suite', ['Office365'], [], 'blocked'],
    ["Exchange Online's own app id", [exchangeOnline], [], 'blocked'],
    ['Azure management only', [azureManagement], [], 'clear'],
    ['SharePoint Online only', ['00000003-0000-0ff1-ce00-000000000000'], [], 'clear'],
    ['Microsoft Admin Portals only', ['MicrosoftAdminPortals'], [], 'clear'],
    ['All, Exchange Online excluded', ['All'], [exchangeOnline], 'clear'],
    ['All, Office 365 excluded', ['All'], ['Office365'], 'clear'],
    ['an app id this check does not know', ['3c1f6a58-7d0e-4b2a-9f1c-2e5d8a7b6c40'], [], 'may-block'],
  ])('%s', (_label, includeApplications, excludeApplications, appPassword) => {
    const policy = graphPolicy({ clientAppTypes: ['other'], grantControls: grant(['block']), applications: { includeApplications, excludeApplications } });
    expect(assess([policy]).appPassword.outcome).toBe(appPassword);
  });

  it('names the unknown app id as the reason it may apply', () => {
    const policy = graphPolicy({ grantControls: grant(['block']), applications: { includeApplications: ['3c1f6a58-7d0e-4b2a-9f1c-2e5d8a7b6c40'] } });
    expect(assess([policy]).appPassword.findings[0]?.maybeBecause[0]).toMatch(/application 3c1f6a58-7d0e-4b2a-9f1c-2e5d8a7b6c40/);
  });

  it("Microsoft's Require MFA for Azure management template does not touch mail", () => {
    expect(outcomes([templates.requireMfaAzureManagement()])).toEqual({ appPassword: 'clear', oauth: 'clear' });
    expect(conditionalAccessRequiresMfa({ policies: parsePolicies([templates.requireMfaAzureManagement()]), complete: true }, me).value).toBe(false);
  });

  it('user actions (register security info) are not a sign-in to Exchange', () => {
    const policy = graphPolicy({ applications: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] } });
    expect(outcomes([policy])).toEqual({ appPassword: 'clear', oauth: 'clear' });
  });
});

describe('grantControls and their operator', () => {
  const withGrant = (builtInControls: string[], operator = 'OR', extra: Record<string, unknown> = {}) =>
    graphPolicy({ grantControls: { ...grant(builtInControls, operator), ...extra } });

  it.each([
    ['block', ['block'], 'OR', 'blocked', 'blocked'],
    ['mfa', ['mfa'], 'OR', 'blocked', 'clear'],
    ['compliantDevice', ['compliantDevice'], 'OR', 'blocked', 'may-block'],
    ['domainJoinedDevice', ['domainJoinedDevice'], 'OR', 'blocked', 'may-block'],
    ['mfa OR compliantDevice OR domainJoinedDevice', ['mfa', 'compliantDevice', 'domainJoinedDevice'], 'OR', 'blocked', 'clear'],
    ['mfa AND compliantDevice', ['mfa', 'compliantDevice'], 'AND', 'blocked', 'may-block'],
    ['approvedApplication (iOS/Android apps only)', ['approvedApplication'], 'OR', 'blocked', 'blocked'],
    ['mfa AND approvedApplication', ['mfa', 'approvedApplication'], 'AND', 'blocked', 'blocked'],
    ['mfa OR approvedApplication', ['mfa', 'approvedApplication'], 'OR', 'blocked', 'clear'],
  ])('%s', (_label, controls, operator, appPassword, oauth) => {
    expect(outcomes([withGrant(controls, operator)])).toEqual({ appPassword, oauth });
  });

  it('an authentication strength is an MFA requirement', () => {
    const policy = withGrant([], 'OR', { authenticationStrength: { id: '00000000-0000-0000-0000-000000000002', displayName: 'Multifactor authentication' } });
    expect(outcomes([policy])).toEqual({ appPassword: 'blocked', oauth: 'clear' });
    expect(assess([policy]).oauth.findings[0]?.effect).toBe('requires-mfa');
    expect(conditionalAccessRequiresMfa({ policies: parsePolicies([policy]), complete: true }, me).value).toBe(true);
  });

  it('a compliant-device policy is not an MFA requirement, and names why OAuth may be refused', () => {
    const result = assess([templates.requireCompliantDevice()]);
    expect(result.oauth.findings[0]).toMatchObject({ effect: 'requires-device', applies: 'yes' });
    expect(conditionalAccessRequiresMfa({ policies: parsePolicies([templates.requireCompliantDevice()]), complete: true }, me).value).toBe(false);
  });
});

describe('state: only enabled policies are enforced', () => {
  it.each(['enabledForReportingButNotEnforced', 'disabled'])('%s changes nothing', (state) => {
    const policy = graphPolicy({ state, clientAppTypes: ['exchangeActiveSync', 'other'], grantControls: grant(['block']) });
    expect(outcomes([policy])).toEqual({ appPassword: 'clear', oauth: 'clear' });
  });
});

describe('conditions.users: users, groups and roles, exclusions win', () => {
  const mfa = (users: Record<string, unknown>) => graphPolicy({ users: { includeUsers: [], ...users } });
  const decide = (policies: unknown[], membership: Membership | null = member()) =>
    conditionalAccessRequiresMfa({ policies: parsePolicies(policies), complete: true }, { userId, membership }).value;

  it.each([
    ['all users', [mfa({ includeUsers: ['All'] })], member(), true],
    ['this user', [mfa({ includeUsers: [userId] })], member(), true],
    ['report-only does not count', [graphPolicy({ state: 'enabledForReportingButNotEnforced' })], member(), false],
    ['this user excluded', [mfa({ includeUsers: ['All'], excludeUsers: [userId] })], member(), false],
    ['a group the user is in', [mfa({ includeGroups: ['g1'] })], member(['g1']), true],
    ['a group the user is not in', [mfa({ includeGroups: ['g1'] })], member(['g2']), false],
    ['excluded through a group', [mfa({ includeUsers: ['All'], excludeGroups: ['breakglass'] })], member(['breakglass']), false],
    ['not in the excluded group', [mfa({ includeUsers: ['All'], excludeGroups: ['breakglass'] })], member(['staff']), true],
    ['a role the user holds (any letter case)', [mfa({ includeRoles: [globalAdministrator.toUpperCase()] })], member([], [globalAdministrator]), true],
    ['groups unreadable', [mfa({ includeGroups: ['g1'] })], null, 'unknown'],
    ['memberships cut off by paging', [mfa({ includeGroups: ['g1'] })], member(['g2'], [], false), 'unknown'],
    ['exclusion unreadable', [mfa({ includeUsers: ['All'], excludeGroups: ['breakglass'] })], null, 'unknown'],
    ['roles listed but not readable', [mfa({ includeRoles: ['r-admin'] })], member([], null), 'unknown'],
    ['unreadable roles do not matter to a group policy', [mfa({ includeGroups: ['g1'] })], member(['g1'], null), true],
    ['an excluded role that cannot be read', [mfa({ includeUsers: ['All'], excludeRoles: ['r-admin'] })], member([], null), 'unknown'],
    ['a definite match wins over a maybe', [mfa({ includeGroups: ['g1'] }), mfa({ includeUsers: ['All'] })], null, true],
  ])('%s', (_label, policies, membership, expected) => {
    expect(decide(policies, membership)).toBe(expected);
  });

  it("Microsoft's Require MFA for admins template: an admin is covered, a user is not, unreadable roles are a named maybe", () => {
    const policy = templates.requireMfaAdmins();
    expect(outcomes([policy], { userId, membership: member([], [globalAdministrator]) })).toEqual({ appPassword: 'blocked', oauth: 'clear' });
    expect(outcomes([policy], { userId, membership: member([], []) })).toEqual({ appPassword: 'clear', oauth: 'clear' });
    const unreadable = assess([policy], { userId, membership: member([], null) });
    expect(unreadable.appPassword.outcome).toBe('may-block');
    expect(unreadable.appPassword.findings[0]?.maybeBecause[0]).toMatch(/RoleManagement\.Read\.Directory/);
  });

  it('a block-legacy policy that excludes a break-glass group the user is in leaves the app password open', () => {
    const policy = templates.blockLegacyAuthentication({ excludeGroups: ['breakglass'] });
    expect(outcomes([policy], { userId, membership: member(['breakglass']) }).appPassword).toBe('clear');
    expect(outcomes([policy], { userId, membership: member(['staff']) }).appPassword).toBe('blocked');
  });
});

describe('conditions decided at sign-in make a policy "may apply", with the reason named', () => {
  it.each([
    ['locations', { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } }, /network location/],
    ['platforms', { platforms: { includePlatforms: ['windows'], excludePlatforms: [] } }, /device platform/],
    ['device filter', { devices: { deviceFilter: { mode: 'include', rule: 'device.trustType -eq "ServerAD"' } } }, /device filter/],
    ['user risk', { userRiskLevels: ['high'] }, /user risk high/],
    ['sign-in risk', { signInRiskLevels: ['medium', 'high'] }, /sign-in risk medium\/high/],
  ])('%s', (_label, overrides, reason) => {
    const policy = graphPolicy({ ...overrides, clientAppTypes: ['other'], grantControls: grant(['block']) });
    const result = assess([policy]);
    expect(result.appPassword.outcome).toBe('may-block');
    expect(result.appPassword.findings[0]).toMatchObject({ applies: 'maybe', effect: 'blocks' });
    expect(result.appPassword.findings[0]?.maybeBecause.join(' ')).toMatch(reason);
  });
});

describe('sessionControls.signInFrequency: how often an OAuth tool signs in again', () => {
  it.each([
    [8, 'hours', 8, /every 8 hours/],
    [1, 'hours', 1, /every 1 hour\b/],
    [7, 'days', 168, /every 7 days/],
  ] as const)('%s %s', (value, type, hours, text) => {
    const frequency = assess([templates.signInFrequency(value, type)]).signInFrequency;
    expect(frequency).toMatchObject({ hours, applies: 'yes', policy: 'Sign-in frequency for Office 365' });
    expect(frequency?.text).toMatch(text);
  });

  it('everyTime, and the strictest of several wins', () => {
    const everyTime = graphPolicy({ grantControls: null, sessionControls: { signInFrequency: { isEnabled: true, type: null, value: null, frequencyInterval: 'everyTime' } } });
    expect(assess([templates.signInFrequency(8), everyTime]).signInFrequency).toMatchObject({ hours: null, text: expect.stringMatching(/every time it signs in/) });
    expect(assess([templates.signInFrequency(2, 'days'), templates.signInFrequency(12)]).signInFrequency?.hours).toBe(12);
  });

  it('a report-only or non-Exchange sign-in frequency says nothing', () => {
    const reportOnly = { ...templates.signInFrequency(8), state: 'enabledForReportingButNotEnforced' };
    const azure = graphPolicy({ applications: { includeApplications: [azureManagement] }, grantControls: null, sessionControls: { signInFrequency: { isEnabled: true, type: 'hours', value: 1 } } });
    expect(assess([reportOnly, azure]).signInFrequency).toBeNull();
  });
});

describe('what could not be read stays unknown', () => {
  it('unreadable policies', () => {
    const result = assessConditionalAccess({ unknown: 'HTTP 403' }, me);
    expect(result).toMatchObject({ appPassword: { outcome: 'unknown' }, oauth: { outcome: 'unknown' }, why: 'HTTP 403' });
  });

  it('a second page not read: clear becomes unknown, a block stays a block', () => {
    expect(assess([], me, false).appPassword.outcome).toBe('unknown');
    expect(assess([templates.blockLegacyAuthentication()], me, false).appPassword.outcome).toBe('blocked');
  });

  it('an entry that is not a policy is skipped, never a crash', () => {
    expect(parsePolicies([null, 42, { id: 'x' }, templates.requireMfaAllUsers()])).toHaveLength(1);
  });
});
