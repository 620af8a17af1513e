import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, startSandbox, type Sandbox, type StartSandboxOptions } from '../../sandbox/index';
import { createAuthService } from '../../src/main/auth';
import { createReadinessService } from '../../src/main/graph';
import type { Verdict } from '../../src/shared/readiness/verdict';
import { browserPlatform, launchTestBrowser, sandboxConfig } from './sandbox-auth-support';

/**
 * Every shipped scenario, signed in for real (MSAL against the sandbox, a Playwright page
 * completing the sign-in), then checked: the verdict and route, and exactly ONE Graph HTTP
 * request after the token, as counted by the sandbox.
 */
type Expected =
  | { signInError: string }
  | {
      facts: Verdict['facts'];
      routes: Verdict['routes'];
      recommended: Verdict['recommended'];
      firstSteps: string[];
      unknownFacts: string[];
      today?: string;
    };

const adminMethods = ['password', 'microsoftAuthenticator', 'phone'];
const readyFacts: Verdict['facts'] = { perUserMfa: 'enabled', securityDefaults: false, conditionalAccessMfa: false, methods: adminMethods, signInUsedMfa: true };
const ready: Expected = {
  facts: readyFacts,
  routes: { appPassword: 'possible', oauth: 'possible' },
  recommended: 'app-password',
  firstSteps: ['admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password'],
  unknownFacts: ['appPasswordsAllowed', 'smtpAuthEnabled'],
};

const plainUser: Expected = {
  facts: { perUserMfa: 'unknown', securityDefaults: 'unknown', conditionalAccessMfa: 'unknown', methods: adminMethods, signInUsedMfa: true },
  routes: { appPassword: 'unknown', oauth: 'possible' },
  recommended: 'oauth',
  firstSteps: ['user:oauth-route', 'user:create-app-password', 'admin:enable-per-user-mfa', 'admin:allow-app-passwords', 'user:use-app-password'],
  unknownFacts: ['perUserMfa', 'securityDefaults', 'conditionalAccessMfa', 'appPasswordsAllowed', 'smtpAuthEnabled'],
};

/** A Conditional Access policy refuses SMTP AUTH with an app password; OAuth is the route. */
function caBlocksAppPassword(conditionalAccessMfa: boolean): Expected {
  return {
    facts: { ...readyFacts, conditionalAccessMfa },
    routes: { appPassword: 'blocked', oauth: 'possible' },
    recommended: 'oauth',
    firstSteps: ['user:oauth-route', 'admin:troubleshoot-app-password'],
    unknownFacts: ['smtpAuthEnabled'],
  };
}

const expectations: Record<string, Expected> = {
  'consent-required': plainUser,
  'ready-user': ready,
  'large-tenant': ready,
  // SMTP AUTH enablement is invisible to Graph: the verdict cannot differ; the test login tells.
  'smtp-auth-disabled-mailbox': ready,
  'smtp-auth-disabled-tenant': ready,
  // Graph cannot see the retirement either; after the switch-off date the model says so.
  'basic-auth-retired': {
    ...ready,
    today: '2027-01-15',
    routes: { appPassword: 'unknown', oauth: 'possible' },
    recommended: 'oauth',
    firstSteps: ['user:oauth-route', 'admin:enable-smtp-auth', 'admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password'],
    unknownFacts: ['appPasswordsAllowed', 'basicAuthReenabled', 'smtpAuthEnabled'],
  },
  'mfa-not-enabled': {
    facts: { perUserMfa: 'disabled', securityDefaults: false, conditionalAccessMfa: false, methods: ['password'], signInUsedMfa: false },
    routes: { appPassword: 'blocked', oauth: 'possible' },
    recommended: 'oauth',
    firstSteps: ['user:oauth-route', 'admin:enable-per-user-mfa', 'admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password'],
    unknownFacts: ['smtpAuthEnabled'],
  },
  'security-defaults': {
    facts: { perUserMfa: 'disabled', securityDefaults: true, conditionalAccessMfa: false, methods: adminMethods, signInUsedMfa: true },
    routes: { appPassword: 'blocked', oauth: 'possible' },
    recommended: 'oauth',
    firstSteps: ['user:oauth-route', 'admin:disable-security-defaults', 'admin:enable-per-user-mfa', 'admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password'],
    unknownFacts: ['smtpAuthEnabled'],
  },
  'conditional-access-mfa': {
    facts: { perUserMfa: 'disabled', securityDefaults: false, conditionalAccessMfa: true, methods: adminMethods, signInUsedMfa: true },
    routes: { appPassword: 'blocked', oauth: 'possible' },
    recommended: 'oauth',
    firstSteps: ['user:oauth-route', 'admin:enable-per-user-mfa', 'admin:allow-app-passwords', 'user:create-app-password', 'user:use-app-password'],
    unknownFacts: ['smtpAuthEnabled'],
  },
  'non-admin-403': plainUser,
  // Adele is in the break-glass group both policies exclude; the other users are walked below.
  'conditional-access-targeted': ready,
  'conditional-access-blocked': { signInError: 'blocked-by-conditional-access' },
  // Microsoft's Conditional Access templates (learn.microsoft.com, "Conditional Access templates").
  'ca-template-block-legacy-authentication': caBlocksAppPassword(false),
  'ca-template-mfa-all-users': caBlocksAppPassword(true),
  'ca-template-mfa-admins': caBlocksAppPassword(true),
  // Azure management only: mail is untouched.
  'ca-template-mfa-azure-management': ready,
  // A legacy client cannot pass device state; OAuth depends on the computer the tool runs on.
  'ca-template-compliant-device': { ...caBlocksAppPassword(false), routes: { appPassword: 'blocked', oauth: 'unknown' } },
  // Session control only: nothing blocked (the sign-in frequency is a notice, tested below).
  'ca-template-sign-in-frequency': ready,
  // The app asks for `.default` (what the admin granted), never for admin-only scopes by name,
  // so a plain user is not refused (AADSTS65001): they sign in and the policy reads answer 403.
  // (AADSTS65001 itself is mapped and tested in auth-sandbox.test.ts.)
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Session = {
  sb: Sandbox;
  auth: Awaited<ReturnType<typeof createAuthService>>;
  readiness: ReturnType<typeof createReadinessService>;
  platform: ReturnType<typeof browserPlatform>;
};

/**
 * A sandbox running `scenario`, the real auth and readiness services configured for it, and a
 * browser that signs in as `upn` (the scenario's first user by default); torn down afterwards.
 */
async function withReadiness(
  scenario: NonNullable<StartSandboxOptions['scenario']>,
  options: { upn?: string; today?: string },
  run: (session: Session) => Promise<void>,
): Promise<void> {
  const sb = await startSandbox({ scenario });
  const user = options.upn ? sb.scenario.users.find((candidate) => candidate.upn === options.upn)! : sb.scenario.users[0]!;
  const config = await sandboxConfig(sb, `m365-connect-test-${randomUUID()}`);
  const platform = browserPlatform(browser, sb, user);
  const auth = await createAuthService({ config, platform, cacheDir: await mkdtemp(join(tmpdir(), 'm365-ready-')) });
  const today = options.today ?? '2026-11-22';
  const readiness = createReadinessService({ config, auth, today: () => today });
  try {
    await run({ sb, auth, readiness, platform });
  } finally {
    await auth.signOut().catch(() => false);
    await Promise.all([auth.close(), readiness.close()]);
    await sb.stop();
  }
}

describe('readiness for every shipped scenario', () => {
  it('has an expectation for every scenario file', async () => {
    const { readdir } = await import('node:fs/promises');
    const shipped = (await readdir(join(import.meta.dirname, '../../sandbox/scenarios'))).map((f) => f.replace(/\.(json|ya?ml)$/, ''));
    expect(Object.keys(expectations).sort()).toEqual(shipped.sort());
  });

  it.each(Object.entries(expectations))('%s', async (scenario, expected) => {
    const today = 'today' in expected ? expected.today : undefined;
    await withReadiness(scenario, today ? { today } : {}, async ({ sb, auth, readiness, platform }) => {
      if ('signInError' in expected) {
        await expect(auth.signIn({ method: 'browser' })).rejects.toMatchObject({ code: expected.signInError });
        return;
      }
      const account = await auth.signIn({ method: 'browser' });
      await Promise.all(platform.done);
      await auth.acquireGraphToken();
      sb.resetCounters();

      const verdict = await readiness.check();

      expect(sb.counters.graphRequests).toBe(1);
      expect(sb.counters.tokenRequests).toBe(0);
      expect(verdict.account).toEqual({ upn: account.upn, tenantId: sb.tenantId });
      expect(verdict.facts).toEqual(expected.facts);
      expect(verdict.routes).toEqual(expected.routes);
      expect(verdict.recommended).toBe(expected.recommended);
      expect(verdict.steps.map((s) => `${s.who}:${s.guide}`)).toEqual(expected.firstSteps);
      expect(verdict.unknowns.map((u) => u.fact)).toEqual(expected.unknownFacts);
      if (expected === plainUser) {
        expect(verdict.unknowns[0]!.why).toMatch(/refused .* \(Authorization_RequestDenied\)/);
      }
      expect(verdict.notices[0]).toMatch(/end of December 2026/);
    });
  });

  describe('Conditional Access that targets groups and roles (conditional-access-targeted)', () => {
    const targeted = loadScenario('conditional-access-targeted');
    const withoutRoleReading = {
      ...targeted,
      app: { ...targeted.app, permissions: targeted.app.permissions.filter((permission) => permission !== 'RoleManagement.Read.Directory') },
    };
    it.each([
      ['excluded through the break-glass group', targeted, 'adele.vance@contoso.onmicrosoft.com', false],
      ['covered through a nested group', targeted, 'megan.bowen@contoso.onmicrosoft.com', true],
      ['covered through the Global Administrator role', targeted, 'alex.wilber@contoso.onmicrosoft.com', true],
      // Graph lists the role without its template id when the app may not read roles.
      ['a role policy, roles not readable (no RoleManagement.Read.Directory)', withoutRoleReading, 'alex.wilber@contoso.onmicrosoft.com', 'unknown'],
      ['a group policy still decided without role reading', withoutRoleReading, 'megan.bowen@contoso.onmicrosoft.com', true],
    ] as const)('%s', async (_label, scenario, upn, expected) => {
      await withReadiness(scenario, { upn }, async ({ sb, auth, readiness, platform }) => {
        await auth.signIn({ method: 'browser' });
        await Promise.all(platform.done);
        sb.resetCounters();
        const verdict = await readiness.check();
        expect(verdict.account.upn).toBe(upn);
        expect(verdict.facts.conditionalAccessMfa).toBe(expected);
        if (expected === true) expect(verdict.routes.appPassword).toBe('blocked');
        if (expected === 'unknown') expect(verdict.unknowns.find((u) => u.fact === 'conditionalAccessMfa')?.why).toMatch(/RoleManagement\.Read\.Directory/);
        expect(sb.counters.graphRequests).toBe(1);
      });
    });
  });

  describe("Microsoft's Conditional Access templates: what the verdict says", () => {
    const check = async (scenario: string, today?: string) => {
      let verdict: Verdict | undefined;
      await withReadiness(scenario, today ? { today } : {}, async ({ auth, readiness, platform }) => {
        await auth.signIn({ method: 'browser' });
        await Promise.all(platform.done);
        verdict = await readiness.check();
      });
      return verdict!;
    };

    it('Block legacy authentication: the summary and the admin step name the policy', async () => {
      const verdict = await check('ca-template-block-legacy-authentication');
      expect(verdict.summary).toMatch(/Conditional Access policy \("Block legacy authentication"\) refuses SMTP AUTH with an app password/);
      expect(verdict.conditionalAccess?.appPassword.findings.map((f) => [f.displayName, f.applies, f.effect])).toEqual([['Block legacy authentication', 'yes', 'blocks']]);
      expect(verdict.conditionalAccess?.oauth.findings).toEqual([]);
    });

    it('Require compliant device: OAuth depends on the device, and the verdict says so', async () => {
      const verdict = await check('ca-template-compliant-device');
      expect(verdict.steps[0]?.why).toMatch(/"Require compliant device"\) accepts only a compliant or hybrid-joined device/);
      expect(verdict.notices.join('\n')).toMatch(/accepts OAuth only from a compliant or hybrid-joined device/);
    });

    it('Require compliant device: the SMTP token is refused (AADSTS530003); the admin message names the policy the check read', async () => {
      await withReadiness('ca-template-compliant-device', {}, async ({ auth, readiness, platform }) => {
        const account = await auth.signIn({ method: 'browser' });
        await Promise.all(platform.done);
        await readiness.check();
        const refused: unknown = await auth.acquireSmtpToken(account.upn).then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused).toMatchObject({ code: 'blocked-by-conditional-access', message: expect.stringContaining('AADSTS530003') });
        const adminMessage = (refused as { adminMessage?: string }).adminMessage ?? '';
        expect(adminMessage).toContain(`I (${account.upn}) need an administrator`);
        expect(adminMessage).toContain('as far as the app could read them: "Require compliant device".');
      });
    });

    it('Sign-in frequency: says how often an OAuth tool signs in again', async () => {
      const verdict = await check('ca-template-sign-in-frequency');
      expect(verdict.conditionalAccess?.signInFrequency).toMatchObject({ hours: 8, policy: 'Sign-in frequency for Office 365' });
      expect(verdict.notices).toContainEqual(expect.stringMatching(/sign in again every 8 hours/));
    });
  });

  it('Graph throttling (429 with Retry-After) is waited out, then answered', async () => {
    await withReadiness('ready-user', {}, async ({ sb, auth, readiness }) => {
      await auth.signIn({ method: 'browser' });
      await auth.acquireGraphToken();
      sb.faults.set({ graph: { status: 429, retryAfterSeconds: 1, times: 1 } });
      sb.resetCounters();
      const started = Date.now();
      const verdict = await readiness.check();
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(sb.counters.graphRequests).toBe(2);
      expect(verdict.recommended).toBe('app-password');

      sb.faults.set({ graph: { status: 503, retryAfterSeconds: 0, times: 10 } });
      await expect(readiness.check()).rejects.toMatchObject({ code: 'graph-failed', message: expect.stringMatching(/HTTP 503/) });
    });
  });
});
