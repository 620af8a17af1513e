import { notSignedIn, signInCancelled, signInTimedOut, unreachable } from '../../shared/errors/catalogue';
import { AppError, type AppErrorShape } from '../../shared/ipc/errors';
import { causeCodeOf } from '../net/error-cause';

/** The abort reason of our own cancel(); never leaves the auth folder as anything but sign-in-cancelled. */
export class SignInCancelledError extends Error {
  constructor() {
    super('Sign-in was cancelled.');
    this.name = 'SignInCancelledError';
  }
}

/** The abort reason when a sign-in outlives its time limit; becomes sign-in-timed-out. */
export class SignInTimedOutError extends Error {
  constructor(readonly timeoutMs: number) {
    super('Sign-in timed out.');
    this.name = 'SignInTimedOutError';
  }
}

type Explained = Omit<AppErrorShape, 'issues'>;

/** Entra's AADSTS codes the app explains; anything else is a generic failure with its code. */
const byAadsts: Record<string, Explained> = {
  '50076': {
    code: 'mfa-required',
    message: 'Your organisation requires multi-factor authentication (MFA) for this sign-in.',
    nextStep: 'Sign in again in the browser and complete the MFA prompt (device-code sign-in also shows it).',
  },
  '50079': {
    code: 'mfa-required',
    message: 'You must set up multi-factor authentication (MFA) before you can sign in.',
    nextStep: 'Sign in again in the browser and complete the MFA registration it offers, then come back.',
  },
  '65001': {
    code: 'consent-required',
    message: 'This app has not been given permission to use your account yet.',
    nextStep: 'Sign in again and accept the permissions, or ask your admin to grant consent for the app in Entra ID (Enterprise applications).',
  },
  '65004': {
    code: 'sign-in-cancelled',
    message: 'You declined the permissions the app asked for, so sign-in stopped.',
    nextStep: 'Sign in again and accept the permissions to continue.',
  },
  '90094': {
    code: 'consent-required',
    message: 'This app needs an admin to approve its permissions in your organisation.',
    nextStep: 'Ask your admin to grant admin consent for the app in Entra ID (Enterprise applications).',
  },
  '50126': {
    code: 'bad-credentials',
    message: 'The user name or password is incorrect.',
    nextStep: 'Check your user name and password and sign in again; if you forgot the password, reset it.',
  },
  '50034': {
    code: 'bad-credentials',
    message: 'That user account does not exist in this organisation.',
    nextStep: 'Check the user name (your work email address) and sign in again.',
  },
  '53003': {
    code: 'blocked-by-conditional-access',
    message: 'A Conditional Access policy of your organisation blocked this sign-in.',
    nextStep: 'Ask your admin which policy blocked it (they can look up the sign-in in the Entra sign-in logs) or sign in from a compliant device or network.',
  },
  '700016': {
    code: 'unknown-client',
    message: 'The app registration (client ID) is not known in your organisation.',
    nextStep: 'Ask IT to check the clientId and tenant settings (config show), or to register the app in your tenant.',
  },
  '50053': {
    code: 'sign-in-failed',
    message: 'Your account is locked after too many sign-in attempts.',
    nextStep: 'Wait a few minutes and try again, or ask your admin to unlock it.',
  },
  '50105': {
    code: 'sign-in-failed',
    message: 'Your admin has not given you access to this app.',
    nextStep: 'Ask your admin to assign you to the app in Entra ID (Enterprise applications).',
  },
};

const signInService = 'the Microsoft sign-in service';
const networkCodes = new Set(['network_error', 'no_network_connectivity', 'endpoints_resolution_error', 'openid_config_error']);
const cancelCodes = new Set(['user_canceled', 'device_code_polling_cancelled', 'authorization_declined']);

type MsalLike = { errorCode?: unknown; errorMessage?: unknown; subError?: unknown; message?: unknown; errorNo?: unknown };

/** What Entra last answered with an error (seen by our network module), for flows where MSAL drops the code. */
export type EntraErrorHint = { error: string; errorCodes: number[] };

/**
 * Any failure from MSAL (or our network layer) as an AppError with a plain message and the
 * next step. Only the AADSTS code and error code travel on: server text can quote input
 * and is never shown raw, and tokens are never part of an error.
 */
export function mapAuthError(error: unknown, hint?: EntraErrorHint | null): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof SignInCancelledError) return signInCancelled();
  if (error instanceof SignInTimedOutError) return signInTimedOut(Math.max(1, Math.round(error.timeoutMs / 60_000)));
  const network = causeCodeOf(error, { onlyNetwork: true });
  if (network) return unreachable(signInService, network);
  const msal = (typeof error === 'object' && error !== null ? error : {}) as MsalLike;
  const errorCode = typeof msal.errorCode === 'string' ? msal.errorCode : '';
  const text = [msal.errorMessage, msal.message, msal.subError].filter((part) => typeof part === 'string').join(' ');
  // Entra's error numbers are digits; anything else in that field is not one.
  const errorNo = typeof msal.errorNo === 'string' || typeof msal.errorNo === 'number' ? /^\d+$/.exec(String(msal.errorNo))?.[0] : undefined;
  const aadsts = errorNo ?? /AADSTS(\d+)/.exec(text)?.[1] ?? (hint?.errorCodes[0] !== undefined ? String(hint.errorCodes[0]) : undefined);

  // Own keys only: the number comes from the server, and must never reach Object.prototype.
  const known = aadsts !== undefined && Object.hasOwn(byAadsts, aadsts) ? byAadsts[aadsts] : undefined;
  if (known) return new AppError({ ...known, message: `${known.message} (AADSTS${aadsts})` });
  if (cancelCodes.has(errorCode) || (errorCode === 'access_denied' && !aadsts) || /authorization_declined/.test(text)) {
    return signInCancelled();
  }
  if (errorCode === 'expired_token' || /expired_token|device_code_expired/.test(`${errorCode} ${text}`)) {
    return new AppError({ code: 'sign-in-failed', message: 'The sign-in code expired before it was used.', nextStep: 'Start the sign-in again and enter the new code within 15 minutes.' });
  }
  if (networkCodes.has(errorCode)) return unreachable(signInService);
  if (errorCode === 'interaction_required' || errorCode === 'login_required' || errorCode === 'no_tokens_found') {
    return notSignedIn('expired');
  }
  const reference = aadsts ? `AADSTS${aadsts}` : errorCode || 'no error code';
  return new AppError({
    code: 'sign-in-failed',
    message: `Sign-in failed (${reference}).`,
    nextStep: 'Try again; if it keeps failing, give your admin this code and the time of the attempt.',
  });
}
