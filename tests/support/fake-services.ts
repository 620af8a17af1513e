import { AppError } from '../../src/shared/ipc/app-error';
import type { EffectiveSettings, Services } from '../../src/main/services';

export const testSettings: EffectiveSettings = {
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  keychainService: 'm365-connect',
  tenant: 'organizations',
  cloud: 'public',
  demoTenant: true,
  routesOffered: ['app-password', 'oauth', 'bridge'],
  bridgeSmtpPort: 1587,
  bridgeImapPort: 1143,
  bridgeStartAtLogin: { enabled: false, lockedByPolicy: false },
  settingsFile: null,
  hiddenGuides: [],
  extraExternalOrigins: [],
  securityInfoUrl: 'https://mysignins.microsoft.com/security-info',
};

const unavailable = (what: string) => async (): Promise<never> => {
  throw new AppError({ code: 'internal', message: `${what} is not part of this test.` });
};

/**
 * Services for tests of the IPC layer itself: every call is recorded, and only the pieces a
 * test overrides do anything. Tests of real behaviour use the real services.
 */
export function fakeServices(overrides: Partial<Services> = {}): Services & { calls: string[] } {
  const calls: string[] = [];
  const record = <T>(name: string, value: T): T => {
    calls.push(name);
    return value;
  };
  return {
    calls,
    version: '0.0.0-test',
    settings: testSettings,
    auth: {
      current: async () => record('auth.current', { account: null, cachePersisted: false }),
      signIn: unavailable('Sign-in'),
      cancel: () => record('auth.cancel', false),
      signOut: async () => record('auth.signOut', false),
      acquireSmtpToken: unavailable('Token acquisition'),
    },
    readiness: { check: unavailable('The readiness check') },
    vault: {
      service: 'm365-connect',
      accountFor: (upn) => upn.toLowerCase(),
      has: async (upn) => record(`vault.has:${upn}`, false),
      store: unavailable('The vault'),
      read: async () => null,
      forget: async () => false,
      list: async () => [],
    },
    smtp: { test: unavailable('The SMTP test') },
    documents: { readinessReportHtml: () => '', guidesHtml: () => '' },
    close: async () => undefined,
    ...overrides,
  };
}
