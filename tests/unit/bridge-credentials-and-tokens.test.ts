import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/ipc/app-error';
import { bridgeFailureCauses } from '../../src/shared/bridge/status';
import { bridgeKeychainService, bridgePasswordLength, createBridgePasswords } from '../../src/main/bridge/bridge-passwords';
import { causeOf, explain, isTemporary } from '../../src/main/bridge/failure-causes';
import { FailureDelay } from '../../src/main/bridge/failure-delay';
import { createBridgeTokenCache, renewBeforeMs } from '../../src/main/bridge/token-cache';
import { UpstreamError } from '../../src/main/bridge/upstream-errors';
import { memorySecretStore } from '../support/memory-secret-store';

describe('bridge passwords', () => {
  it('the keychain service is m365-connect-bridge by default, <service>-bridge when renamed', () => {
    expect(bridgeKeychainService()).toBe('m365-connect-bridge');
    expect(bridgeKeychainService('acme-m365')).toBe('acme-m365-bridge');
  });

  it('created once per lower-case UPN (32 letters and digits), kept, replaced on rotate', async () => {
    const store = memorySecretStore();
    const passwords = createBridgePasswords({ service: 'svc-bridge', store });
    const first = await passwords.get('Ada@Contoso.com');
    expect(first).toMatch(new RegExp(`^[A-Za-z0-9]{${bridgePasswordLength}}$`));
    expect(bridgePasswordLength).toBeGreaterThanOrEqual(24);
    expect(await passwords.get('ada@contoso.com')).toBe(first);
    expect([...store.entries.keys()]).toEqual(['svc-bridge\nada@contoso.com']);
    const rotated = await passwords.get('ada@contoso.com', { rotate: true });
    expect(rotated).not.toBe(first);
    expect(await store.getPassword('svc-bridge', 'ada@contoso.com')).toBe(rotated);
  });

  it('verify: the exact password for that UPN (any case) only; no password stored = never', async () => {
    const store = memorySecretStore();
    const passwords = createBridgePasswords({ service: 'svc-bridge', store });
    const secret = await passwords.get('ada@contoso.com');
    expect(await passwords.verify('ADA@contoso.com ', secret)).toBe(true);
    expect(await passwords.verify('ada@contoso.com', secret.toLowerCase() === secret ? `${secret}x` : secret.toLowerCase())).toBe(false);
    expect(await passwords.verify('ada@contoso.com', '')).toBe(false);
    expect(await passwords.verify('bob@contoso.com', secret)).toBe(false);
    expect(await passwords.verify('bob@contoso.com', '')).toBe(false);
    expect(await passwords.verify('', '')).toBe(false);
  });

  it('a keychain failure becomes a typed keychain error without the keychain\'s text', async () => {
    const broken = { ...memorySecretStore(), getPassword: async () => Promise.reject(new Error('org.freedesktop.secrets not provided; secret=abc')) };
    const passwords = createBridgePasswords({ service: 's', store: broken, platform: 'linux' });
    const error = await passwords.verify('ada@contoso.com', 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('keychain-unavailable');
    expect((error as AppError).message).not.toContain('secret=abc');
    expect(causeOf(error)).toBe('keychain-unavailable');
  });
});

describe('failure causes', () => {
  const entra = (code: string, message: string) => new AppError({ code: code as AppError['code'], message });
  it('Entra codes and upstream replies map to the status causes', () => {
    expect(causeOf(entra('sign-in-failed', 'Sign-in failed (AADSTS700082).'))).toBe('refresh-token-expired');
    expect(causeOf(entra('sign-in-failed', 'Sign-in failed (AADSTS50173).'))).toBe('refresh-token-revoked');
    expect(causeOf(entra('sign-in-failed', 'Sign-in failed (AADSTS70043).'))).toBe('sign-in-frequency');
    expect(causeOf(entra('consent-required', 'no permission (AADSTS65001)'))).toBe('consent-missing');
    expect(causeOf(entra('blocked-by-conditional-access', 'blocked (AADSTS53003)'))).toBe('conditional-access');
    expect(causeOf(entra('not-signed-in', 'You are not signed in.'))).toBe('not-signed-in');
    expect(causeOf(entra('network', 'Could not reach'))).toBe('upstream-unreachable');
    expect(causeOf(new UpstreamError('smtp-auth-disabled', '535 5.7.139'))).toBe('smtp-auth-disabled');
    expect(causeOf(new UpstreamError('tls-untrusted', 'SELF_SIGNED_CERT_IN_CHAIN'))).toBe('upstream-tls-untrusted');
    expect(causeOf(new UpstreamError('auth-rejected', '535 5.7.3'))).toBe('upstream-auth-rejected');
    expect(causeOf(new Error('?'))).toBe('unknown');
  });

  it('every cause has one plain ASCII line naming the user where it helps; only transient ones are temporary', () => {
    for (const cause of bridgeFailureCauses) {
      const text = explain(cause, 'ada@contoso.com');
      expect(text).toMatch(/^[\x20-\x7e]+$/);
      expect(text.length).toBeLessThan(300);
    }
    expect(explain('not-signed-in', 'ada@contoso.com')).toContain('run `m365-connect sign-in`');
    expect(bridgeFailureCauses.filter(isTemporary)).toEqual(['upstream-unreachable', 'keychain-unavailable', 'unknown']);
  });
});

describe('failure delay', () => {
  it('doubles per failure of the same user name, caps at 8 s, resets on success, forgets old failures', () => {
    const delay = new FailureDelay();
    expect([1, 2, 3, 4, 5, 6, 7].map(() => delay.fail('Ada@x'))).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000]);
    expect(delay.fail('bob@x')).toBe(250);
    delay.succeed('ada@x');
    expect(delay.fail('ada@x')).toBe(250);
    expect(delay.fail('ada@x', Date.now() + 16 * 60 * 1000)).toBe(250);
  });
});

describe('the bridge token cache', () => {
  const source = () => {
    const calls: string[] = [];
    let now = 1_000_000;
    let error: Error | null = null;
    return {
      calls,
      tick: (ms: number) => (now += ms),
      fail: (e: Error | null) => (error = e),
      now: () => now,
      acquireAccountToken: async (upn: string, scope: 'smtp' | 'imap') => {
        calls.push(`${scope} ${upn}`);
        if (error) throw error;
        return { accessToken: `token-${calls.length}`, expiresOn: new Date(now + 60 * 60 * 1000) };
      },
    };
  };

  it('reuses a token until five minutes before it expires, per account and protocol', async () => {
    const s = source();
    const cache = createBridgeTokenCache(s, s.now);
    expect(await cache.get('Ada@x', 'smtp')).toBe('token-1');
    expect(await cache.get('ada@x', 'smtp')).toBe('token-1');
    expect(await cache.get('ada@x', 'imap')).toBe('token-2');
    s.tick(60 * 60 * 1000 - renewBeforeMs - 1);
    expect(await cache.get('ada@x', 'smtp')).toBe('token-1');
    s.tick(2);
    expect(await cache.get('ada@x', 'smtp')).toBe('token-3');
    cache.forget('ADA@x');
    expect(await cache.get('ada@x', 'imap')).toBe('token-4');
  });

  it('concurrent logins share one request; a failure is not cached', async () => {
    const s = source();
    const cache = createBridgeTokenCache(s, s.now);
    const both = await Promise.all([cache.get('ada@x', 'smtp'), cache.get('ada@x', 'smtp')]);
    expect(both).toEqual(['token-1', 'token-1']);
    expect(s.calls).toEqual(['smtp ada@x']);
    s.fail(new Error('AADSTS50173'));
    await expect(cache.get('bob@x', 'smtp')).rejects.toThrow('AADSTS50173');
    s.fail(null);
    expect(await cache.get('bob@x', 'smtp')).toBe('token-3');
  });
});
