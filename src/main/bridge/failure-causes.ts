import type { BridgeFailureCause } from '../../shared/bridge/status';
import { isAppError } from '../../shared/ipc/app-error';
import { UpstreamError } from './upstream-errors';

/** Entra's AADSTS codes that say what the person has to do (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). */
const byAadsts: Record<string, BridgeFailureCause> = {
  '65001': 'consent-missing',
  '700082': 'refresh-token-expired',
  '50173': 'refresh-token-revoked',
  '70043': 'sign-in-frequency',
  '53003': 'conditional-access',
};

/** Any failure of the token or upstream step as one of the status causes. */
export function causeOf(error: unknown): BridgeFailureCause {
  if (error instanceof UpstreamError) {
    switch (error.kind) {
      case 'smtp-auth-disabled':
        return 'smtp-auth-disabled';
      case 'tls-untrusted':
        return 'upstream-tls-untrusted';
      case 'auth-rejected':
        return 'upstream-auth-rejected';
      default:
        return 'upstream-unreachable';
    }
  }
  if (isAppError(error)) {
    const aadsts = /AADSTS(\d+)/.exec(error.message)?.[1];
    if (aadsts && Object.hasOwn(byAadsts, aadsts)) return byAadsts[aadsts]!;
    switch (error.code) {
      case 'not-signed-in':
        return 'not-signed-in';
      case 'consent-required':
        return 'consent-missing';
      case 'blocked-by-conditional-access':
        return 'conditional-access';
      case 'keychain-unavailable':
      case 'keychain-denied':
        return 'keychain-unavailable';
      case 'network':
        return 'upstream-unreachable';
      default:
        return 'unknown';
    }
  }
  return 'unknown';
}

/** Causes that may clear up by themselves: the tool should retry later (SMTP 454, IMAP [UNAVAILABLE]). */
export const isTemporary = (cause: BridgeFailureCause) => cause === 'upstream-unreachable' || cause === 'keychain-unavailable' || cause === 'unknown';

/** One line, ASCII, no secret: what the tool shows its user, and what the status records. */
export function explain(cause: BridgeFailureCause, upn: string): string {
  const signIn = 'run `m365-connect sign-in` (or sign in again in the m365-connect app)';
  switch (cause) {
    case 'wrong-local-password':
      return 'Wrong user name or bridge password: use your sign-in address and the password shown by `m365-connect bridge password --user <address>`.';
    case 'not-signed-in':
      return `${upn} is not signed in to m365-connect: ${signIn}, then retry.`;
    case 'consent-missing':
      return `m365-connect has no permission to use the mailbox of ${upn} yet (AADSTS65001): ${signIn} and accept, or ask your admin to grant consent.`;
    case 'refresh-token-expired':
      return `The sign-in of ${upn} has expired (AADSTS700082): ${signIn}.`;
    case 'refresh-token-revoked':
      return `The sign-in of ${upn} was revoked, e.g. after a password change (AADSTS50173): ${signIn}.`;
    case 'sign-in-frequency':
      return `Your organisation requires ${upn} to sign in again (AADSTS70043): ${signIn}.`;
    case 'conditional-access':
      return `A Conditional Access policy blocked the sign-in of ${upn} (AADSTS53003): ask your admin which policy applies.`;
    case 'smtp-auth-disabled':
      return `Microsoft 365 has SMTP AUTH turned off for ${upn} (535 5.7.139): ask your admin to enable Authenticated SMTP for this mailbox.`;
    case 'upstream-auth-rejected':
      return `Microsoft 365 refused the OAuth login of ${upn}: ${signIn}; if it keeps failing, ask your admin.`;
    case 'upstream-tls-untrusted':
      return 'The Microsoft 365 server certificate is not trusted, so nothing was sent: check the network (TLS inspection) or the extraCaFile setting.';
    case 'upstream-unreachable':
      return 'Microsoft 365 cannot be reached right now: check the network connection, then retry.';
    case 'keychain-unavailable':
      return 'The OS keychain is not available, so the bridge cannot check the password: unlock the keychain, then retry.';
    default:
      return 'The bridge could not log in to Microsoft 365: run `m365-connect bridge status` for the cause, then retry.';
  }
}
