import type { Account } from '../../src/shared/account';
import { AppError } from '../../src/shared/ipc/app-error';
import type { Verdict } from '../../src/shared/readiness/verdict';
import type { SmtpCause, SmtpMethod, SmtpTestResult } from '../../src/shared/smtp/result';
import type { Services } from '../../src/main/services';
import { fakeServices, testSettings } from './fake-services';

/**
 * Scripted services for the wizard's E2E tests: each scenario says how sign-in, the readiness
 * check, the vault and the SMTP test behave, so every screen and every branch can be reached
 * without the sandbox. Tests of real behaviour use the real services.
 */
export const adele: Account = {
  upn: 'adele@contoso.example',
  name: 'Adele Vance',
  tenantId: '00000000-0000-4000-8000-000000000001',
  homeAccountId: 'home-adele',
};

const baseVerdict = (overrides: Partial<Verdict>): Verdict => ({
  account: { upn: adele.upn, tenantId: adele.tenantId },
  facts: { perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: false, methods: ['microsoftAuthenticator'], signInUsedMfa: true },
  routes: { appPassword: 'possible', oauth: 'possible' },
  recommended: 'app-password',
  steps: [{ guide: 'create-app-password', who: 'user', why: 'Per-user MFA is enforced and app passwords are allowed.' }],
  unknowns: [],
  summary: 'You can create an app password.',
  notices: ['Basic authentication for SMTP AUTH is off by default for existing tenants from the end of December 2026.'],
  ...overrides,
});

export const verdicts = {
  ready: baseVerdict({}),
  securityDefaults: baseVerdict({
    facts: { perUserMfa: 'disabled', securityDefaults: true, conditionalAccessMfa: 'unknown', methods: 'unknown', signInUsedMfa: true },
    routes: { appPassword: 'blocked', oauth: 'possible' },
    recommended: 'oauth',
    steps: [
      { guide: 'oauth-route', who: 'user', why: 'Security defaults block app passwords; OAuth works.' },
      { guide: 'disable-security-defaults', who: 'admin', why: 'Only if the tool cannot use OAuth: this lowers security.' },
    ],
    unknowns: [
      { fact: 'conditionalAccessMfa', why: 'Reading Conditional Access policies needs an admin role.' },
      { fact: 'methods', why: 'Your account may not read its own registered methods.' },
    ],
    summary: 'Security defaults are on, so app passwords cannot work. Use OAuth.',
  }),
} satisfies Record<string, Verdict>;

export type WizardScenario = {
  signedIn?: boolean;
  /** 'wait-for-release': sign-in completes only when the test calls releaseSignIn(). */
  signIn?: 'succeed' | 'wait-for-cancel' | 'wait-for-release' | { fail: AppError | Error };
  verdict?: Verdict | { fail: AppError };
  alreadyStored?: boolean;
  smtp?: Partial<Record<SmtpMethod, SmtpCause>>;
  routesOffered?: SmtpMethod[];
  demoTenant?: boolean;
  /** false: the token cache has no OS keychain and lives in memory only. */
  cachePersisted?: boolean;
  /** No OS keychain at all: every vault call fails as keytar does without a Secret Service. */
  keychainUnavailable?: boolean;
  /** Where "Open Security info" goes (the demo tenant's own page); allowed as an external origin. */
  securityInfoUrl?: string;
};

/** The keychain error the real vault throws without a Secret Service (its next step quotes commands). */
export const keychainUnavailable = new AppError({
  code: 'keychain-unavailable',
  message: 'The system keychain is not available.',
  nextStep: 'On a machine without a desktop, run the app inside `dbus-run-session` with `gnome-keyring-daemon --unlock --components=secrets`.',
});

const advice: Partial<Record<SmtpCause, string>> = {
  ok: 'The server accepted the login. The backup tool can use these settings.',
  'bad-credentials': 'The server refused the user name or app password. Create a new app password and store it again.',
  'basic-auth-retired': 'Basic authentication is switched off for this tenant. Use OAuth (XOAUTH2) instead.',
};

const replies: Partial<Record<SmtpCause, string>> = {
  'bad-credentials': '535 5.7.3 Authentication unsuccessful',
  'basic-auth-retired': '535 5.7.30 Basic authentication is not supported for Client Submission.',
};

export function wizardServices(
  scenario: WizardScenario = {},
): Services & { calls: string[]; stored: Map<string, string>; releaseSignIn: () => void } {
  let account: Account | null = scenario.signedIn ? adele : null;
  let releaseSignIn = () => {};
  const released = new Promise<void>((resolve) => (releaseSignIn = resolve));
  const stored = new Map<string, string>(scenario.alreadyStored ? [[adele.upn, 'oldpasswordoldpw']] : []);
  let cancelPending: (() => void) | null = null;
  const base = fakeServices();
  const calls = base.calls;
  const settings = {
    ...testSettings,
    demoTenant: scenario.demoTenant ?? true,
    routesOffered: scenario.routesOffered ?? testSettings.routesOffered,
    ...(scenario.securityInfoUrl
      ? { securityInfoUrl: scenario.securityInfoUrl, extraExternalOrigins: [new URL(scenario.securityInfoUrl).origin] }
      : {}),
  };
  const services: Services = {
    ...base,
    settings,
    auth: {
      ...base.auth,
      current: async () => ({ account, cachePersisted: scenario.cachePersisted ?? true }),
      signOut: async () => {
        calls.push('auth.signOut');
        const had = account !== null;
        account = null;
        return had;
      },
      signIn: async ({ method, onDeviceCode, onProgress }) => {
        calls.push(`auth.signIn:${method}`);
        // As the real service: one sign-in at a time, until it ends or is cancelled.
        if (cancelPending) {
          throw new AppError({ code: 'sign-in-failed', message: 'A sign-in is already in progress.', nextStep: 'Finish or cancel it first.' });
        }
        if (method === 'device-code') {
          onDeviceCode?.({
            userCode: 'WXYZ-1234',
            verificationUri: 'https://microsoft.com/devicelogin',
            expiresAt: new Date(Date.now() + 900_000).toISOString(),
            message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code WXYZ-1234.',
          });
        } else {
          onProgress?.('opening-browser');
        }
        onProgress?.('waiting');
        const script = scenario.signIn ?? 'succeed';
        if (script === 'wait-for-cancel') {
          await new Promise<void>((resolve) => (cancelPending = resolve));
          throw new AppError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.' });
        }
        if (script === 'wait-for-release') {
          // Cancellable too, like every real sign-in.
          const cancelled = new Promise<'cancelled'>((resolve) => (cancelPending = () => resolve('cancelled')));
          const outcome = await Promise.race([released.then(() => 'released' as const), cancelled]);
          cancelPending = null;
          if (outcome === 'cancelled') throw new AppError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.' });
        }
        if (typeof script === 'object') throw script.fail;
        await new Promise((resolve) => setTimeout(resolve, 150));
        onProgress?.('exchanging');
        account = adele;
        return adele;
      },
      cancel: () => {
        calls.push('auth.cancel');
        const pending = cancelPending;
        cancelPending = null;
        pending?.();
        return pending !== null;
      },
      acquireSmtpToken: async () => 'fake-access-token',
    },
    readiness: {
      check: async () => {
        calls.push('readiness.check');
        const verdict = scenario.verdict ?? verdicts.ready;
        if ('fail' in verdict) throw verdict.fail;
        return verdict;
      },
    },
    vault: {
      ...base.vault,
      has: async (upn) => {
        if (scenario.keychainUnavailable) throw keychainUnavailable;
        return stored.has(upn.toLowerCase());
      },
      read: async (upn) => stored.get(upn.toLowerCase()) ?? null,
      store: async (upn, password, { replace }) => {
        if (scenario.keychainUnavailable) throw keychainUnavailable;
        const key = upn.toLowerCase();
        if (stored.has(key) && !replace) {
          throw new AppError({ code: 'already-stored', message: 'An app password is already stored.', nextStep: 'Replace it.' });
        }
        const replaced = stored.has(key);
        stored.set(key, password);
        return { service: 'm365-connect', account: key, replaced, warnings: [] };
      },
    },
    smtp: {
      test: async ({ method, onProgress }): Promise<SmtpTestResult> => {
        calls.push(`smtp.test:${method}`);
        const cause = scenario.smtp?.[method] ?? 'ok';
        const step = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
        onProgress?.({ stage: 'connect', detail: 'smtp.office365.com:587' });
        await step(60);
        onProgress?.({ stage: 'tls', detail: 'TLS 1.3' });
        await step(60);
        onProgress?.({ stage: 'auth', detail: method === 'oauth' ? 'XOAUTH2' : 'LOGIN' });
        await step(60);
        const ok = cause === 'ok';
        if (ok) onProgress?.({ stage: 'done', detail: '' });
        // As the real service: a failed test ends with a note naming its cause.
        else onProgress?.({ stage: 'auth', detail: `Stopped: ${cause}` });
        return {
          ok,
          cause,
          stage: ok ? 'done' : 'auth',
          reply: replies[cause] ?? (ok ? '235 2.7.0 Authentication successful' : null),
          advice: advice[cause] ?? 'The login failed.',
          ...(cause === 'basic-auth-retired' ? { guide: 'oauth-route' } : {}),
          transcript: ['<- 220 smtp.office365.com ready', '-> EHLO m365-connect', '-> STARTTLS', '=== TLS started: TLSv1.3', '~> AUTH LOGIN', '~> [credentials hidden]', `<~ ${replies[cause] ?? '235 2.7.0 Authentication successful'}`],
        };
      },
    },
    documents: { readinessReportHtml: () => '<html><body>report</body></html>', guidesHtml: () => '' },
  };
  return Object.assign(services, { calls, stored, releaseSignIn });
}
