import type { BridgeTestResult, BridgeView } from '../shared/bridge/app-view';
import type { BridgeProtocol, BridgeStatus } from '../shared/bridge/status';
import { AppError } from '../shared/ipc/app-error';
import { saveUserSettings } from './config/user-settings';
import type { AdoptingBridge } from './bridge/adopt';
import { localLogin } from './bridge/login-test';
import type { HandlerTable } from './ipc/handler-types';
import type { Platform } from './platform-port';
import type { Services } from './services';
import { signedInAccount } from './signed-in-account';

type BridgeChannel = Extract<keyof HandlerTable, `bridge:${string}`>;

const unavailable = () =>
  new AppError({
    code: 'bridge-unavailable',
    message: 'The bridge is not part of this copy of the app.',
    nextStep: 'Use the command line instead: m365-connect bridge run.',
  });

/**
 * The bridge's IPC handlers. The account always comes from main's own session, never from the
 * request: a page cannot ask for another account's bridge password or test.
 */
export function createBridgeHandlers(services: Services, platform: Platform): Pick<HandlerTable, BridgeChannel> {
  const { settings } = services;
  let startAtLogin = settings.bridgeStartAtLogin;

  const bridge = (): AdoptingBridge => {
    if (!services.bridge) throw unavailable();
    if (!settings.routesOffered.includes('bridge')) {
      throw new AppError({ code: 'policy-forbidden', message: 'Your organisation has turned the bridge off.' });
    }
    return services.bridge;
  };
  const view = (): BridgeView => {
    const service = bridge();
    return services.bridgeHealth?.view() ?? { status: service.status(), alert: null, startAtLogin };
  };
  const signedInUpn = async (): Promise<string> => (await signedInAccount(services)).upn;

  return {
    'bridge:status': async () => {
      await bridge().refresh();
      return view();
    },
    'bridge:start': async () => {
      const service = bridge();
      await signedInUpn();
      // One bridge per user: when the CLI's `bridge run` already serves, use it instead of a second one.
      await service.refresh();
      if (service.status().state !== 'stopped') return view();
      await service.start({ smtpPort: settings.bridgeSmtpPort, imapPort: settings.bridgeImapPort });
      return view();
    },
    'bridge:pause': async () => {
      await bridge().pause();
      return view();
    },
    'bridge:resume': async () => {
      await bridge().resume();
      return view();
    },
    'bridge:password': async () => {
      const service = bridge();
      const upn = await signedInUpn();
      return { upn, password: await service.password(upn) };
    },
    'bridge:test': async () => {
      const service = bridge();
      const upn = await signedInUpn();
      const status = service.status();
      if (status.state !== 'running') {
        throw new AppError({
          code: 'bridge-not-running',
          message: status.state === 'paused' ? 'The bridge is paused.' : 'The bridge is not running.',
          nextStep: status.state === 'paused' ? 'Resume it, then test again.' : 'Start it, then test again.',
        });
      }
      const password = await service.password(upn);
      const results: BridgeTestResult[] = [];
      for (const listener of status.listeners) {
        const outcome = await localLogin(listener.protocol, { host: listener.host, port: listener.port, user: upn, password });
        results.push(resultFor(listener.protocol, listener, outcome, service.status(), upn));
      }
      return { results };
    },
    'bridge:start-at-login': async ({ enabled }) => {
      if (startAtLogin.lockedByPolicy && enabled !== startAtLogin.enabled) {
        throw new AppError({
          code: 'policy-forbidden',
          message: 'Your organisation’s policy sets “Start at login”.',
          nextStep: 'Ask your IT administrator if this needs to change.',
        });
      }
      await platform.setStartAtLogin(enabled);
      if (settings.settingsFile) {
        await saveUserSettings({ settingsFile: settings.settingsFile, changes: { bridgeStartAtLogin: enabled } });
      }
      startAtLogin = { ...startAtLogin, enabled };
      services.bridgeHealth?.setStartAtLogin(startAtLogin);
      return view();
    },
  };
}

function resultFor(
  protocol: BridgeProtocol,
  listener: { host: string; port: number },
  outcome: { ok: boolean; reply: string | null; error: string | null },
  status: BridgeStatus,
  upn: string,
): BridgeTestResult {
  const name = protocol.toUpperCase();
  if (outcome.ok) {
    return { protocol, ok: true, host: listener.host, port: listener.port, reply: outcome.reply, cause: null, advice: `${name} login through the bridge works.` };
  }
  const lastError = status.accounts.find((account) => account.upn.toLowerCase() === upn.toLowerCase())?.lastError ?? null;
  const cause = lastError?.protocol === protocol ? lastError.cause : null;
  const advice = outcome.reply
    ? `The bridge refused the ${name} login: ${outcome.reply}`
    : `The app could not reach the bridge's ${name} listener at ${listener.host}:${listener.port} (${outcome.error ?? 'no answer'}).`;
  return { protocol, ok: false, host: listener.host, port: listener.port, reply: outcome.reply, cause, advice };
}
