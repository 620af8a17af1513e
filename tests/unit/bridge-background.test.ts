import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, setXdgAutostart, xdgAutostartPath } from '../../src/main/autostart/xdg';
import { alertFor } from '../../src/main/bridge/alerts';
import type { BridgeEvent, BridgeService } from '../../src/main/bridge/bridge-service-types';
import { createBridgeHealthMonitor } from '../../src/main/bridge/health';
import { trayIconBitmap, trayModel } from '../../src/main/tray/tray-model';
import type { BridgeView } from '../../src/shared/bridge/app-view';
import { bridgeFailureCauses, type BridgeStatus } from '../../src/shared/bridge/status';
import { backgroundRecorder } from '../support/fake-platform';

const running: BridgeStatus = {
  state: 'running',
  owner: 'this-process',
  pid: 1,
  listeners: [{ protocol: 'smtp', host: '127.0.0.1', port: 1587, starttls: true }],
  accounts: [{ upn: 'adele@contoso.example', sessionsOpen: 2, lastError: null, lastSuccessAt: null }],
  sessionsOpen: 2,
  health: 'ok',
};
const view = (overrides: Partial<BridgeView> = {}): BridgeView => ({
  status: running,
  alert: null,
  startAtLogin: { enabled: false, lockedByPolicy: false },
  ...overrides,
});

describe('XDG autostart (Linux "Start at login")', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart; a relative XDG_CONFIG_HOME is ignored', () => {
    expect(xdgAutostartPath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/a')).toBe('/x/cfg/autostart/m365-connect.desktop');
    expect(xdgAutostartPath({}, '/home/a')).toBe('/home/a/.config/autostart/m365-connect.desktop');
    expect(xdgAutostartPath({ XDG_CONFIG_HOME: 'rel' }, '/home/a')).toBe('/home/a/.config/autostart/m365-connect.desktop');
  });

  it('quotes Exec so a path with spaces, quotes or $ stays one argument', () => {
    const entry = autostartEntry({ exec: '/opt/My Apps/m365 "connect"$HOME', args: ['--hidden'] });
    expect(entry).toContain('Exec="/opt/My Apps/m365 \\"connect\\"\\$HOME" "--hidden"\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
  });

  it('writes the entry when enabled and removes it when disabled', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'xdg-')), 'autostart', 'm365-connect.desktop');
    await setXdgAutostart({ enabled: true, path, exec: '/usr/bin/m365-connect', args: ['--hidden'] });
    expect(await readFile(path, 'utf8')).toContain('Exec="/usr/bin/m365-connect" "--hidden"');
    await setXdgAutostart({ enabled: false, path, exec: '/usr/bin/m365-connect', args: [] });
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    // Disabling twice is not an error.
    await setXdgAutostart({ enabled: false, path, exec: '/usr/bin/m365-connect', args: [] });
  });
});

describe('tray model', () => {
  it('running: status with sessions, open, pause, quit; green', () => {
    const model = trayModel(view());
    expect(model.tone).toBe('ok');
    expect(model.items.map((item) => item.label)).toEqual(['Bridge running, 2 sessions', 'Open m365-connect', 'Pause the bridge', 'Quit']);
  });

  it('paused offers resume; a bridge from the command line cannot be paused from here', () => {
    expect(trayModel(view({ status: { ...running, state: 'paused' } })).items.map((item) => item.action)).toContain('resume');
    const other = trayModel(view({ status: { ...running, owner: 'other-process' } }));
    expect(other.items.map((item) => item.action)).not.toContain('pause');
    expect(other.items[0]?.label).toMatch(/command line/);
  });

  it('an alert turns the tray to warning with the one action that fixes it', () => {
    const alert = alertFor('adele@contoso.example', 'smtp', 'refresh-token-revoked');
    const model = trayModel(view({ alert }));
    expect(model.tone).toBe('warning');
    expect(model.items[1]).toEqual({ label: 'Sign in again…', action: 'sign-in-again' });
    expect(model.tooltip).toMatch(/Sign in again/);
  });

  it('the icon is a 16x16 BGRA bitmap whose colour follows the tone', () => {
    const ok = trayIconBitmap('ok');
    const warning = trayIconBitmap('warning');
    expect(ok).toHaveLength(16 * 16 * 4);
    const centre = (8 * 16 + 8) * 4;
    expect([...ok.subarray(centre, centre + 4)]).not.toEqual([...warning.subarray(centre, centre + 4)]);
    expect(ok[3]).toBe(0);
  });
});

describe('health alerts', () => {
  it.each(bridgeFailureCauses)('cause %s maps to a sign-in alert, an admin alert or none', (cause) => {
    const alert = alertFor('a@b.example', 'imap', cause);
    const expected = ['not-signed-in', 'consent-missing', 'refresh-token-expired', 'refresh-token-revoked', 'sign-in-frequency'].includes(cause)
      ? 'needs-sign-in'
      : ['smtp-auth-disabled', 'conditional-access'].includes(cause)
        ? 'needs-admin'
        : null;
    expect(alert?.kind ?? null).toBe(expected);
  });

  it('the monitor ignores a wrong local password and notifies once per problem', () => {
    const listeners = new Set<(event: BridgeEvent) => void>();
    const cleared: string[] = [];
    const bridge = {
      status: () => running,
      onEvent: (listener: (event: BridgeEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      clearFailure: (upn: string) => void cleared.push(upn),
    } as unknown as BridgeService;
    const platform = backgroundRecorder();
    const monitor = createBridgeHealthMonitor({ bridge, auth: { current: async () => ({ account: null, cachePersisted: true }) }, platform, startAtLogin: { enabled: false, lockedByPolicy: false } });
    const fail = (cause: 'wrong-local-password' | 'refresh-token-revoked') =>
      listeners.forEach((listener) => listener({ type: 'login-failed', upn: 'adele@contoso.example', protocol: 'smtp', cause, message: 'x' }));
    fail('wrong-local-password');
    expect(monitor.view().alert).toBeNull();
    fail('refresh-token-revoked');
    fail('refresh-token-revoked');
    expect(platform.notifications).toHaveLength(1);
    expect(platform.trayStates.at(-1)?.alert?.kind).toBe('needs-sign-in');
    monitor.signedIn('ADELE@contoso.example');
    expect(monitor.view().alert).toBeNull();
    expect(cleared).toEqual(['ADELE@contoso.example']);
    monitor.close();
    expect(listeners.size).toBe(0);
  });
});
