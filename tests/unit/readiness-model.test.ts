import { describe, expect, it } from 'vitest';
import { decideReadiness, type ReadinessInput } from '../../src/shared/readiness/model';
import { guideIds } from '../../src/shared/readiness/guide-ids';
import { verdictSchema, type Facts } from '../../src/shared/readiness/verdict';
import type { SmtpMethod } from '../../src/shared/smtp/result';
import { assessConditionalAccess, parsePolicies, type Membership } from '../../src/shared/readiness/conditional-access';
import { grant, graphPolicy, templates } from '../support/ca-policies';

const account = { upn: 'adele@contoso.com', tenantId: '11111111-2222-3333-4444-555555555555' };
const beforeRetirement = '2026-11-22';
const afterRetirement = '2027-01-15';

const facts = (overrides: Partial<Facts>): Facts => ({
  perUserMfa: 'unknown',
  securityDefaults: 'unknown',
  conditionalAccessMfa: 'unknown',
  methods: 'unknown',
  signInUsedMfa: false,
  ...overrides,
});
const decide = (f: Partial<Facts>, extra: Partial<ReadinessInput> = {}) =>
  decideReadiness({ account, facts: facts(f), today: beforeRetirement, ...extra });
const guidesOf = (verdict: ReturnType<typeof decide>) => verdict.steps.map((s) => `${s.who}:${s.guide}`);

// Every value each fact can take: the model must give a valid verdict for all combinations.
const perUserValues = ['disabled', 'enabled', 'enforced', 'unknown'] as const;
const triValues = [true, false, 'unknown'] as const;
const methodValues: Facts['methods'][] = ['unknown', ['password'], ['password', 'microsoftAuthenticator']];
const offeredValues: SmtpMethod[][] = [['app-password', 'oauth'], ['app-password'], ['oauth']];
const days = [beforeRetirement, afterRetirement];

const combinations = perUserValues.flatMap((perUserMfa) =>
  triValues.flatMap((securityDefaults) =>
    triValues.flatMap((conditionalAccessMfa) =>
      methodValues.flatMap((methods) =>
        [true, false].flatMap((signInUsedMfa) =>
          days.flatMap((today) =>
            offeredValues.map((routesOffered) => ({
              f: { perUserMfa, securityDefaults, conditionalAccessMfa, methods, signInUsedMfa } as Facts,
              today,
              routesOffered,
            })),
          ),
        ),
      ),
    ),
  ),
);

/**
 * The app-password route, written out by hand (not computed like the model does):
 * rows are perUserMfa, columns securityDefaults true | false | unknown, before / after the
 * Basic-auth switch-off. Conditional Access MFA never opens or closes it on its own.
 */
const appPasswordTable: Record<string, Record<string, [string, string]>> = {
  disabled: { true: ['blocked', 'blocked'], false: ['blocked', 'blocked'], unknown: ['blocked', 'blocked'] },
  enabled: { true: ['blocked', 'blocked'], false: ['possible', 'unknown'], unknown: ['unknown', 'unknown'] },
  enforced: { true: ['blocked', 'blocked'], false: ['possible', 'unknown'], unknown: ['unknown', 'unknown'] },
  unknown: { true: ['blocked', 'blocked'], false: ['unknown', 'unknown'], unknown: ['unknown', 'unknown'] },
};

describe('readiness model: every combination of facts', () => {
  it(`covers ${combinations.length} combinations`, () => {
    expect(combinations.length).toBe(4 * 3 * 3 * 3 * 2 * 2 * 3);
  });

  it.each(combinations)('is consistent for %j', ({ f, today, routesOffered }) => {
    const verdict = decideReadiness({ account, facts: f, today, routesOffered });
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    expect(verdict.facts).toEqual(f);
    expect(verdict.account).toEqual(account);

    const expectedRoute = appPasswordTable[f.perUserMfa]![String(f.securityDefaults)]![today === beforeRetirement ? 0 : 1];
    expect(verdict.routes.appPassword).toBe(expectedRoute);
    // Signing in proved modern auth works: OAuth never depends on the MFA setup.
    expect(verdict.routes.oauth).toBe('possible');

    const expectedRecommended =
      routesOffered.includes('app-password') && expectedRoute === 'possible'
        ? 'app-password'
        : routesOffered.includes('oauth')
          ? 'oauth'
          : 'admin-action';
    expect(verdict.recommended).toBe(expectedRecommended);

    // Steps: known guides only, in an order a person can follow.
    const ids = verdict.steps.map((s) => s.guide);
    for (const id of ids) expect(guideIds).toContain(id);
    for (const s of verdict.steps) expect(s.why.length).toBeGreaterThan(20);
    if (verdict.recommended === 'oauth') expect(verdict.steps[0]?.guide).toBe('oauth-route');
    else expect(ids).not.toContain('oauth-route');
    if (routesOffered.includes('app-password')) {
      expect(ids.indexOf('create-app-password')).toBeLessThan(ids.indexOf('use-app-password'));
      expect(ids.at(-1)).toBe('use-app-password');
      expect(ids.includes('disable-security-defaults')).toBe(f.securityDefaults === true);
      if (f.perUserMfa === 'disabled') {
        expect(ids.indexOf('enable-per-user-mfa')).toBeLessThan(ids.indexOf('allow-app-passwords'));
        expect(ids.indexOf('allow-app-passwords')).toBeLessThan(ids.indexOf('create-app-password'));
      }
      // Never tell an admin to enable per-user MFA that is already on.
      if (f.perUserMfa === 'enabled' || f.perUserMfa === 'enforced') expect(ids).not.toContain('enable-per-user-mfa');
      // Only the user's steps when nothing is in the way except what Graph cannot see.
      if (expectedRoute === 'possible') {
        expect(verdict.steps.filter((s) => s.who === 'admin').map((s) => s.guide)).toEqual(['allow-app-passwords']);
        expect(verdict.steps.find((s) => s.who === 'admin')?.why).toMatch(/only if/i);
      }
    } else {
      expect(ids).toEqual(['oauth-route']);
    }

    // Unknowns: exactly the unknown facts, plus what Graph can never tell.
    const unknownFacts = verdict.unknowns.map((u) => u.fact);
    expect(unknownFacts.includes('perUserMfa')).toBe(f.perUserMfa === 'unknown');
    expect(unknownFacts.includes('securityDefaults')).toBe(f.securityDefaults === 'unknown');
    expect(unknownFacts.includes('conditionalAccessMfa')).toBe(f.conditionalAccessMfa === 'unknown');
    expect(unknownFacts.includes('methods')).toBe(f.methods === 'unknown');
    expect(unknownFacts).toContain('smtpAuthEnabled');
    expect(unknownFacts.includes('appPasswordsAllowed')).toBe(expectedRoute !== 'blocked');
    expect(new Set(unknownFacts).size).toBe(unknownFacts.length);

    // The retirement is always stated, honestly, with the date.
    expect(verdict.notices[0]).toMatch(/end of December 2026/);
    expect(verdict.notices[0]).toMatch(/off by default for existing tenants/);
    expect(verdict.summary.length).toBeGreaterThan(20);
  });
});

describe('readiness model: the cases people meet', () => {
  it('per-user MFA off: admin enables it, allows app passwords, then the user creates one (OAuth first)', () => {
    const verdict = decide({ perUserMfa: 'disabled', securityDefaults: false, conditionalAccessMfa: false, methods: ['password'] });
    expect(verdict.routes).toEqual({ appPassword: 'blocked', oauth: 'possible' });
    expect(verdict.recommended).toBe('oauth');
    expect(guidesOf(verdict)).toEqual([
      'user:oauth-route',
      'admin:enable-per-user-mfa',
      'admin:allow-app-passwords',
      'user:create-app-password',
      'user:use-app-password',
    ]);
    expect(verdict.steps[1]?.why).toMatch(/^Only if your tool needs an app password/);
  });

  it('per-user MFA off and only app passwords offered: admin action', () => {
    const verdict = decide({ perUserMfa: 'disabled', securityDefaults: false }, { routesOffered: ['app-password'] });
    expect(verdict.recommended).toBe('admin-action');
    expect(guidesOf(verdict)).toEqual([
      'admin:enable-per-user-mfa',
      'admin:allow-app-passwords',
      'user:create-app-password',
      'user:use-app-password',
    ]);
    expect(verdict.summary).toMatch(/admin must act/);
    expect(verdict.notices.join(' ')).toMatch(/does not offer the OAuth route/);
  });

  it('security defaults on: app passwords impossible; OAuth, or the admin disables security defaults', () => {
    const verdict = decide({ perUserMfa: 'unknown', securityDefaults: true, signInUsedMfa: true });
    expect(verdict.routes.appPassword).toBe('blocked');
    expect(verdict.recommended).toBe('oauth');
    expect(guidesOf(verdict).slice(0, 3)).toEqual(['user:oauth-route', 'admin:disable-security-defaults', 'admin:enable-per-user-mfa']);
    expect(verdict.summary).toMatch(/security defaults are on/);
  });

  it('per-user MFA enforced, security defaults off: app password, user steps only', () => {
    const verdict = decide({
      perUserMfa: 'enforced',
      securityDefaults: false,
      conditionalAccessMfa: false,
      methods: ['password', 'microsoftAuthenticator'],
      signInUsedMfa: true,
    });
    expect(verdict.routes).toEqual({ appPassword: 'possible', oauth: 'possible' });
    expect(verdict.recommended).toBe('app-password');
    expect(guidesOf(verdict)).toEqual(['admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password']);
    expect(verdict.unknowns.map((u) => u.fact)).toEqual(['appPasswordsAllowed', 'smtpAuthEnabled']);
    expect(verdict.notices[0]).toMatch(/in 40 days/);
  });

  it('per-user MFA enabled without a second factor: the user is told MFA setup comes first', () => {
    const verdict = decide({ perUserMfa: 'enabled', securityDefaults: false, methods: ['password'] });
    expect(verdict.steps.find((s) => s.guide === 'create-app-password')?.why).toMatch(/finish setting up MFA/);
    const registered = decide({ perUserMfa: 'enabled', securityDefaults: false, methods: ['password', 'phone'] });
    expect(registered.steps.find((s) => s.guide === 'create-app-password')?.why).not.toMatch(/finish setting up MFA/);
  });

  it('Conditional Access MFA only: no app passwords from it, and the step says why', () => {
    const verdict = decide({ perUserMfa: 'disabled', securityDefaults: false, conditionalAccessMfa: true });
    expect(verdict.steps.find((s) => s.guide === 'enable-per-user-mfa')?.why).toMatch(/Conditional Access MFA .* does not provide them/);
  });

  it('per-user MFA and Conditional Access MFA: possible, with a warning about legacy clients', () => {
    const verdict = decide({ perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: true });
    expect(verdict.routes.appPassword).toBe('possible');
    expect(verdict.notices.join(' ')).toMatch(/Conditional Access .* legacy clients/);
  });

  it('plain user (policies unreadable): unknowns carry the reason from the gather, user tries first', () => {
    const verdict = decide(
      { methods: ['password', 'phone'], signInUsedMfa: true },
      { unknownWhy: { perUserMfa: 'Graph answered 403: needs Policy.Read.All' } },
    );
    expect(verdict.routes.appPassword).toBe('unknown');
    expect(verdict.recommended).toBe('oauth');
    expect(verdict.unknowns[0]).toEqual({ fact: 'perUserMfa', why: 'Graph answered 403: needs Policy.Read.All' });
    expect(guidesOf(verdict)).toEqual([
      'user:oauth-route',
      'user:create-app-password',
      'admin:enable-per-user-mfa',
      'admin:allow-app-passwords',
      'user:use-app-password',
    ]);
  });

  it('after the switch-off, an app password depends on the admin re-enabling Basic auth', () => {
    const verdict = decide({ perUserMfa: 'enforced', securityDefaults: false }, { today: afterRetirement });
    expect(verdict.routes.appPassword).toBe('unknown');
    expect(verdict.recommended).toBe('oauth');
    expect(verdict.unknowns.map((u) => u.fact)).toContain('basicAuthReenabled');
    expect(verdict.notices[0]).toMatch(/since the end of December 2026/);
  });

  it('the last day before the switch-off still counts down; the first day after does not', () => {
    expect(decide({}, { today: '2026-12-31' }).notices[0]).toMatch(/in 1 day\)/);
    expect(decide({}, { today: '2027-01-01' }).notices[0]).toMatch(/since the end of December 2026/);
  });
});

describe('readiness model: Conditional Access as evaluated for both routes', () => {
  const ready = { perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: false } as const;
  const caOf = (policies: unknown[], membership: Membership | null = { groups: new Set(), roles: new Set(), complete: true }) =>
    assessConditionalAccess({ policies: parsePolicies(policies), complete: true }, { userId: 'u1', membership });

  it('Block legacy authentication: the app password is blocked, the summary and the admin step name the policy, OAuth first', () => {
    const verdict = decide(ready, { conditionalAccess: caOf([templates.blockLegacyAuthentication()]) });
    expect(verdict.routes).toEqual({ appPassword: 'blocked', oauth: 'possible' });
    expect(verdict.recommended).toBe('oauth');
    expect(verdict.summary).toMatch(/"Block legacy authentication"/);
    expect(guidesOf(verdict)).toEqual(['user:oauth-route', 'admin:troubleshoot-app-password']);
    expect(verdict.steps[1]?.why).toMatch(/"Block legacy authentication" refuses legacy/);
    expect(verdictSchema.parse(verdict).conditionalAccess?.appPassword.outcome).toBe('blocked');
  });

  it('the same facts without Conditional Access: the app password is the route', () => {
    expect(decide(ready, { conditionalAccess: caOf([]) }).recommended).toBe('app-password');
  });

  it('a policy that may apply (location) leaves the app password unknown and names the condition', () => {
    const policy = graphPolicy({ clientAppTypes: ['other'], grantControls: grant(['block']), locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } });
    const verdict = decide(ready, { conditionalAccess: caOf([policy]) });
    expect(verdict.routes.appPassword).toBe('unknown');
    expect(verdict.notices.join('\n')).toMatch(/may refuse an app password .*network location/);
  });

  it('a block for modern clients blocks OAuth; the app password is recommended when possible, else admin action', () => {
    const blockModern = graphPolicy({ clientAppTypes: ['mobileAppsAndDesktopClients'], grantControls: grant(['block']) });
    expect(decide(ready, { conditionalAccess: caOf([blockModern]) })).toMatchObject({ routes: { appPassword: 'possible', oauth: 'blocked' }, recommended: 'app-password' });
    expect(decide(ready, { conditionalAccess: caOf([blockModern, templates.blockLegacyAuthentication()]) }).recommended).toBe('admin-action');
  });

  it('a compliant-device policy makes OAuth unknown and says why; MFA for all users tells the user to complete MFA', () => {
    const device = decide(ready, { conditionalAccess: caOf([templates.requireCompliantDevice()]) });
    expect(device.routes).toEqual({ appPassword: 'blocked', oauth: 'unknown' });
    expect(device.steps[0]?.why).toMatch(/compliant or hybrid-joined device/);
    const mfa = decide(ready, { conditionalAccess: caOf([templates.requireMfaAllUsers()]) });
    expect(mfa.routes).toEqual({ appPassword: 'blocked', oauth: 'possible' });
    expect(mfa.steps[0]?.why).toMatch(/asks for MFA when the tool signs in/);
  });

  it('sign-in frequency is said in the notices', () => {
    const verdict = decide(ready, { conditionalAccess: caOf([templates.signInFrequency(8)]) });
    expect(verdict.notices).toContainEqual(expect.stringMatching(/sign in again every 8 hours/));
    expect(verdict.recommended).toBe('app-password');
  });
});

describe('readiness model: both sides of the Basic-auth default-off date ("now" injected)', () => {
  const ready = { perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: false } as const;
  it.each([
    ['2026-12-31', 'app-password', 'possible'],
    ['2027-01-01', 'oauth', 'unknown'],
  ] as const)('%s', (today, recommended, appPassword) => {
    const verdict = decide(ready, { today });
    expect(verdict.recommended).toBe(recommended);
    expect(verdict.routes.appPassword).toBe(appPassword);
    const retired = today >= '2027-01-01';
    // Said first, in the summary the Account check shows, before an app password is created.
    expect(/^Basic authentication for SMTP AUTH is off by default since the end of December 2026: OAuth comes first/.test(verdict.summary)).toBe(retired);
    expect(guidesOf(verdict).includes('admin:enable-smtp-auth')).toBe(retired);
    if (retired) expect(guidesOf(verdict).indexOf('admin:enable-smtp-auth')).toBeLessThan(guidesOf(verdict).indexOf('user:create-app-password'));
  });

  it('after the date OAuth is first for every account, whatever the facts', () => {
    for (const { f } of combinations) {
      const verdict = decideReadiness({ account, facts: f, today: afterRetirement });
      expect(verdict.recommended).toBe('oauth');
      expect(verdict.steps[0]?.guide).toBe('oauth-route');
    }
  });
});
