import type { BridgeAlert } from '../../shared/bridge/app-view';
import type { BridgeFailureCause, BridgeProtocol } from '../../shared/bridge/status';

/**
 * Which failed upstream logins the user can act on, and how: a dead refresh token needs a new
 * sign-in; SMTP AUTH switched off or Conditional Access needs the admin. A wrong local password,
 * an unreachable server or a TLS problem is not a health alert: the status shows it, and the
 * tool's own failure reply explains it.
 */
const signInCauses: ReadonlySet<BridgeFailureCause> = new Set([
  'not-signed-in',
  'consent-missing',
  'refresh-token-expired',
  'refresh-token-revoked',
  'sign-in-frequency',
]);

export function alertFor(upn: string, protocol: BridgeProtocol | null, cause: BridgeFailureCause): BridgeAlert | null {
  if (signInCauses.has(cause)) {
    return {
      kind: 'needs-sign-in',
      upn,
      protocol,
      cause,
      message: `Microsoft 365 no longer accepts the saved sign-in for ${upn}. Sign in again: the bridge carries on without a restart.`,
      guide: null,
    };
  }
  if (cause === 'smtp-auth-disabled') {
    return {
      kind: 'needs-admin',
      upn,
      protocol,
      cause,
      message: `Your admin needs to turn on Authenticated SMTP for ${upn} (Microsoft 365 admin center > Users > Mail > Manage email apps) to keep your backup tool connected.`,
      guide: 'enable-smtp-auth',
    };
  }
  if (cause === 'conditional-access') {
    return {
      kind: 'needs-admin',
      upn,
      protocol,
      cause,
      message: `A Conditional Access policy blocks the bridge's sign-in for ${upn}. Ask your admin which policy applies (Entra sign-in logs).`,
      guide: null,
    };
  }
  return null;
}

/** The system notification's title for an alert. */
export const notificationTitle = (alert: BridgeAlert): string =>
  alert.kind === 'needs-sign-in' ? 'Sign in again to keep your backup tool connected' : 'Your admin needs to act to keep your backup tool connected';
