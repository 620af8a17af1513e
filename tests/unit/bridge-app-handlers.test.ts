import { afterEach, describe, expect, it } from 'vitest';
import { createBridgeHealthMonitor } from '../../src/main/bridge/health';
import { adoptOtherBridge } from '../../src/main/bridge/adopt';
import { localLogin } from '../../src/main/bridge/login-test';
import type { BridgeStatus } from '../../src/shared/bridge/status';
import { createHandlers } from '../../src/main/handlers';
import { createDispatch } from '../../src/main/ipc/dispatch';
import type { Services } from '../../src/main/services';
import type { Account } from '../../src/shared/account';
import { createFakeBridge, type FakeBridge } from '../support/fake-bridge';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices, testSettings } from '../support/fake-services';

const origin = 'app://renderer';
const trusted = { url: `${origin}/index.html`, isMainFrame: true };
const noEmit = { emit: () => undefined };
const adele: Account = { upn: 'Adele@Contoso.example', name: 'Adele', tenantId: 't', homeAccountId: 'h' };

const open: FakeBridge[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((bridge) => bridge.stop()));
});

const stopped: BridgeStatus = { state: 'stopped', owner: null, pid: null, listeners: [], accounts: [], sessionsOpen: 0, health: 'ok' };

function setup(options: { signedIn?: Account | null; routes?: Services['settings']['routesOffered']; other?: FakeBridge } = {}) {
  let account = options.signedIn === undefined ? adele : options.signedIn;
  const fake = createFakeBridge();
  open.push(fake);
  const bridge = Object.assign(adoptOtherBridge(fake, async () => options.other?.status() ?? stopped), {
    upstream: fake.upstream,
    logins: fake.logins,
    passwords: fake.passwords,
  });
  Object.defineProperty(bridge, 'upstream', { get: () => fake.upstream, set: (value: FakeBridge['upstream']) => (fake.upstream = value) });
  const platform = fakePlatform();
  const auth = { current: async () => ({ account, cachePersisted: true }) };
  const settings = { ...testSettings, routesOffered: options.routes ?? testSettings.routesOffered, bridgeSmtpPort: 0, bridgeImapPort: 0 };
  const bridgeHealth = createBridgeHealthMonitor({ bridge, auth, platform, startAtLogin: settings.bridgeStartAtLogin });
  const base = fakeServices();
  const services: Services = {
    ...base,
    settings,
    auth: {
      ...base.auth,
      ...auth,
      signIn: async () => {
        account = adele;
        return adele;
      },
    },
    bridge,
    bridgeHealth,
  };
  const dispatch = createDispatch(createHandlers(services, platform), { trustedOrigin: origin });
  const call = async (channel: string, payload: unknown = {}) => dispatch(channel, payload, trusted, noEmit);
  return { bridge, platform, call, bridgeHealth, signOut: () => (account = null) };
}

const value = <T>(result: { ok: boolean; value?: unknown }) => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value as T;
};

describe('bridge IPC', () => {
  it('bridge:password answers for the signed-in account only; a UPN in the request is refused', async () => {
    const { call, bridge } = setup();
    const answer = value<{ upn: string; password: string }>(await call('bridge:password'));
    expect(answer.upn).toBe(adele.upn);
    expect(answer.password).toBe(bridge.passwords.get(adele.upn.toLowerCase()));
    expect(await call('bridge:password', { upn: 'mallory@contoso.example' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(bridge.passwords.has('mallory@contoso.example')).toBe(false);
  });

  it('the bridge password appears in no answer but bridge:password’s, whether the logins work or fail', async () => {
    const { call, bridge, platform } = setup();
    const answers: unknown[] = [await call('bridge:start')];
    const password = await bridge.password(adele.upn);
    answers.push(await call('bridge:test'));
    bridge.upstream = 'refresh-token-revoked';
    answers.push(await call('bridge:test'), await call('bridge:status'), await call('bridge:pause'), await call('bridge:test'));
    const seen = JSON.stringify([answers, platform.notifications, platform.trayStates]);
    expect(seen).not.toContain(password);
    expect(seen).not.toContain(Buffer.from(password).toString('base64'));
  });

  it('bridge:password refuses when nobody is signed in', async () => {
    const { call, bridge } = setup({ signedIn: null });
    expect(await call('bridge:password')).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(bridge.passwords.size).toBe(0);
  });

  it('a policy without the bridge route forbids every bridge call', async () => {
    const { call, bridge } = setup({ routes: ['app-password', 'oauth'] });
    for (const channel of ['bridge:status', 'bridge:start', 'bridge:password', 'bridge:test']) {
      expect(await call(channel)).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    }
    expect(bridge.status().state).toBe('stopped');
  });

  it('start, then the app logs in through both listeners as the tool will and reports each protocol', async () => {
    const { call, bridge } = setup();
    const started = value<{ status: { state: string; listeners: { protocol: string; port: number }[] } }>(await call('bridge:start'));
    expect(started.status.state).toBe('running');
    const { results } = value<{ results: { protocol: string; ok: boolean; port: number }[] }>(await call('bridge:test'));
    expect(results.map((result) => [result.protocol, result.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
    ]);
    expect(results.map((result) => result.port)).toEqual(started.status.listeners.map((listener) => listener.port));
    expect(bridge.logins).toEqual([
      { protocol: 'smtp', upn: adele.upn, ok: true },
      { protocol: 'imap', upn: adele.upn, ok: true },
    ]);
  });

  it('a failing upstream login is reported with the bridge’s cause and reply, and raises the sign-in alert', async () => {
    const { call, bridge, platform } = setup();
    await call('bridge:start');
    bridge.upstream = 'refresh-token-revoked';
    const { results } = value<{ results: { ok: boolean; cause: string | null; reply: string | null }[] }>(await call('bridge:test'));
    expect(results.every((result) => !result.ok && result.cause === 'refresh-token-revoked')).toBe(true);
    expect(results[0]?.reply).toMatch(/^535 .*sign in again/);
    expect(results[1]?.reply).toMatch(/^a1 NO \[AUTHENTICATIONFAILED\].*sign in again/);
    const view = value<{ alert: { kind: string; upn: string } | null }>(await call('bridge:status'));
    expect(view.alert).toMatchObject({ kind: 'needs-sign-in', upn: adele.upn.toLowerCase() });
    // One notification for the problem, not one per failed login.
    expect(platform.notifications).toEqual([expect.objectContaining({ title: 'Sign in again to keep your backup tool connected' })]);
    expect(platform.trayStates.at(-1)?.alert?.kind).toBe('needs-sign-in');

    // Signing in again clears the failure; the bridge carries on without a restart.
    bridge.upstream = 'ok';
    expect(await call('auth:sign-in', { method: 'browser', switchAccount: true })).toMatchObject({ ok: true });
    expect(value<{ alert: unknown }>(await call('bridge:status')).alert).toBeNull();
    expect(bridge.status().accounts[0]?.lastError).toBeNull();
    const again = value<{ results: { ok: boolean }[] }>(await call('bridge:test'));
    expect(again.results.every((result) => result.ok)).toBe(true);
  });

  it('SMTP AUTH disabled names the admin step and its guide', async () => {
    const { call, bridge, platform } = setup();
    await call('bridge:start');
    bridge.upstream = 'smtp-auth-disabled';
    await call('bridge:test');
    expect(platform.notifications[0]).toMatchObject({ guide: 'enable-smtp-auth', body: expect.stringMatching(/admin/) });
    expect(value<{ alert: { kind: string } }>(await call('bridge:status')).alert.kind).toBe('needs-admin');
  });

  it('a wrong bridge password is the tool’s problem, not a health alert', async () => {
    const { call, bridge, platform } = setup();
    await call('bridge:start');
    await call('bridge:password');
    const [smtp, imap] = bridge.status().listeners;
    for (const listener of [smtp, imap]) {
      if (!listener) throw new Error('listener missing');
      const outcome = await localLogin(listener.protocol, { host: listener.host, port: listener.port, user: adele.upn, password: 'a-guess' });
      expect(outcome).toMatchObject({ ok: false, reply: expect.stringMatching(/Wrong user name or bridge password/) });
    }
    expect(platform.notifications).toEqual([]);
    expect(value<{ alert: unknown }>(await call('bridge:status')).alert).toBeNull();
  });

  it('one bridge per user: when the CLI’s bridge already runs, the app shows and uses it instead of binding again', async () => {
    const cli = createFakeBridge({ owner: 'other-process' });
    open.push(cli);
    await cli.start({ smtpPort: 0, imapPort: 0 });
    const { call, bridge } = setup({ other: cli });
    const shown = value<{ status: { owner: string; state: string } }>(await call('bridge:status'));
    expect(shown.status).toMatchObject({ owner: 'other-process', state: 'running' });
    const view = value<{ status: { owner: string; listeners: { port: number }[] } }>(await call('bridge:start'));
    expect(view.status.listeners.map((listener) => listener.port)).toEqual(cli.status().listeners.map((listener) => listener.port));
    // The app's own bridge never bound a port; its test login goes through the CLI's listeners.
    expect(bridge.status().owner).toBe('other-process');
    cli.passwords.set(adele.upn.toLowerCase(), await bridge.password(adele.upn));
    const { results } = value<{ results: { ok: boolean }[] }>(await call('bridge:test'));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(cli.logins.map((login) => login.ok)).toEqual([true, true]);
  });

  it('pause refuses the tool’s logins until resume', async () => {
    const { call } = setup();
    await call('bridge:start');
    expect(value<{ status: { state: string } }>(await call('bridge:pause')).status.state).toBe('paused');
    expect(await call('bridge:test')).toMatchObject({ ok: false, error: { code: 'bridge-not-running' } });
    expect(value<{ status: { state: string } }>(await call('bridge:resume')).status.state).toBe('running');
  });

  it('start at login goes to the platform and the view', async () => {
    const { call, platform } = setup();
    const view = value<{ startAtLogin: { enabled: boolean } }>(await call('bridge:start-at-login', { enabled: true }));
    expect(view.startAtLogin.enabled).toBe(true);
    expect(platform.startAtLogin).toEqual([true]);
  });

  it('the silent token check raises the sign-in alert when the refresh token no longer works', async () => {
    const { call, bridgeHealth, signOut, platform } = setup();
    await call('bridge:start');
    await call('bridge:test');
    signOut();
    await bridgeHealth.checkNow();
    expect(bridgeHealth.view().alert).toMatchObject({ kind: 'needs-sign-in', cause: 'refresh-token-expired' });
    expect(platform.notifications).toHaveLength(1);
  });

  it('no bridge in this host: a typed error, not a crash', async () => {
    const dispatch = createDispatch(createHandlers(fakeServices(), fakePlatform()), { trustedOrigin: origin });
    expect(await dispatch('bridge:status', {}, trusted, noEmit)).toMatchObject({ ok: false, error: { code: 'bridge-unavailable' } });
  });
});
