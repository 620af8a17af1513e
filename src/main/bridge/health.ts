import type { BridgeAlert, BridgeView } from '../../shared/bridge/app-view';
import type { Platform } from '../platform-port';
import type { AuthService } from '../services';
import { alertFor, notificationTitle } from './alerts';
import type { BridgeService } from './bridge-service-types';

/** Microsoft's refresh tokens outlive access tokens (about an hour): a check every few hours catches a dead one. */
export const silentCheckEveryMs = 3 * 60 * 60 * 1000;

export interface BridgeHealthMonitor {
  view(): BridgeView;
  onChange(listener: (view: BridgeView) => void): () => void;
  /** The user signed in again: the bridge forgets the failure and the warning clears, no restart. */
  signedIn(upn: string): void;
  /** The silent token check: is the signed-in account's refresh token still good? */
  checkNow(): Promise<void>;
  setStartAtLogin(state: BridgeView['startAtLogin']): void;
  close(): void;
}

/**
 * Honest health: turns the bridge's first failed upstream login (and a silent token check)
 * into one alert, one system notification, and the tray's warning state. Free of 'electron'.
 */
export function createBridgeHealthMonitor(options: {
  bridge: BridgeService;
  auth: Pick<AuthService, 'current'>;
  platform: Pick<Platform, 'showBridgeState' | 'notify'>;
  startAtLogin: BridgeView['startAtLogin'];
  checkEveryMs?: number;
}): BridgeHealthMonitor {
  const { bridge, auth, platform } = options;
  let alert: BridgeAlert | null = null;
  let startAtLogin = options.startAtLogin;
  let lastSignedIn: string | null = null;
  const listeners = new Set<(view: BridgeView) => void>();

  const view = (): BridgeView => ({ status: bridge.status(), alert, startAtLogin });
  const publish = () => {
    const current = view();
    platform.showBridgeState(current);
    for (const listener of listeners) listener(current);
  };
  const raise = (next: BridgeAlert) => {
    const repeated = alert !== null && alert.kind === next.kind && alert.upn.toLowerCase() === next.upn.toLowerCase();
    alert = next;
    // One notification per problem, not one per failed login of a tool that retries.
    if (!repeated) platform.notify({ title: notificationTitle(next), body: next.message, guide: next.guide });
    publish();
  };

  const unsubscribe = bridge.onEvent((event) => {
    if (event.type === 'login-failed') {
      const next = alertFor(event.upn, event.protocol, event.cause);
      if (next) return raise(next);
    }
    publish();
  });

  const timer = setInterval(() => void monitor.checkNow().catch(() => undefined), options.checkEveryMs ?? silentCheckEveryMs);
  timer.unref?.();

  const monitor: BridgeHealthMonitor = {
    view,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signedIn(upn) {
      lastSignedIn = upn;
      bridge.clearFailure(upn);
      if (alert && alert.upn.toLowerCase() === upn.toLowerCase()) alert = null;
      publish();
    },
    async checkNow() {
      const status = bridge.status();
      if (status.state === 'stopped') return;
      const upn = lastSignedIn ?? status.accounts[0]?.upn ?? null;
      if (upn === null) return;
      const { account } = await auth.current();
      // current() is silent: null means the refresh token no longer works (or nobody is signed in).
      if (account === null) {
        const next = alertFor(upn, null, 'refresh-token-expired');
        if (next) raise(next);
      }
    },
    setStartAtLogin(state) {
      startAtLogin = state;
      publish();
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      listeners.clear();
    },
  };
  return monitor;
}
