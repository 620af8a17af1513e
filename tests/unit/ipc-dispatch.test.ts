import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { AppError } from '../../src/shared/ipc/app-error';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices } from '../support/fake-services';

const origin = 'app://renderer';
const trusted = { url: `${origin}/index.html`, isMainFrame: true };
const noEmit = { emit: () => undefined };

function setup(overrides: Parameters<typeof fakeServices>[0] = {}) {
  const services = fakeServices(overrides);
  const platform = fakePlatform();
  const internalErrors: string[] = [];
  const dispatch = createDispatch(createHandlers(services, platform), {
    trustedOrigin: origin,
    onInternalError: (channel) => internalErrors.push(channel),
  });
  return { services, platform, dispatch, internalErrors };
}

describe('IPC dispatch', () => {
  it('answers a valid call from the app window', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app:info', {}, trusted, noEmit);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ version: '0.0.0-test', demoTenant: true, host: 'chromium-shell' }),
    });
  });

  it('rejects a payload that violates the schema with a typed error, before the handler runs', async () => {
    const { dispatch, services } = setup();
    const result = await dispatch('smtp:test', { method: 'telnet' }, trusted, noEmit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.issues?.[0]?.path).toBe('method');
    expect(services.calls).toEqual([]);
  });

  it('rejects unknown keys instead of passing them through', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app:info', { extra: 1 }, trusted, noEmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a subframe of the app', { url: `${origin}/index.html`, isMainFrame: false }],
    ['a lookalike origin', { url: 'app://renderer.evil/index.html', isMainFrame: true }],
    ['an unparseable url', { url: 'not a url', isMainFrame: true }],
  ])('rejects a call from %s as untrusted, before the handler runs', async (_name, sender) => {
    const { dispatch, services } = setup();
    const result = await dispatch('vault:status', {}, sender, noEmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(services.calls).toEqual([]);
  });

  it('rejects an unknown channel', async () => {
    const { dispatch } = setup();
    expect(await dispatch('fs:read', {}, trusted, noEmit)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('passes a service AppError through as data', async () => {
    const { dispatch } = setup({
      readiness: {
        check: async () => {
          throw new AppError({ code: 'graph-failed', message: 'Graph said no.', nextStep: 'Try later.' });
        },
      },
    });
    expect(await dispatch('readiness:check', {}, trusted, noEmit)).toEqual({
      ok: false,
      error: { code: 'graph-failed', message: 'Graph said no.', nextStep: 'Try later.' },
    });
  });

  it('turns an unexpected exception into a generic internal error without its message or stack', async () => {
    const { dispatch, internalErrors } = setup({
      readiness: {
        check: async () => {
          throw new Error('secret-token-abc at /home/user/file.ts:1');
        },
      },
    });
    const result = await dispatch('readiness:check', {}, trusted, noEmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-token-abc');
    expect(internalErrors).toEqual(['readiness:check']);
  });

  it('refuses to open a URL outside the allowlist and opens one inside it', async () => {
    const { dispatch, platform } = setup();
    const refused = await dispatch('shell:open-external', { url: 'https://mysignins.microsoft.com.evil.example/' }, trusted, noEmit);
    expect(refused).toMatchObject({ ok: false, error: { code: 'url-not-allowed' } });
    const opened = await dispatch('shell:open-external', { url: 'https://mysignins.microsoft.com/security-info' }, trusted, noEmit);
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    expect(platform.opened).toEqual(['https://mysignins.microsoft.com/security-info']);
  });
});
