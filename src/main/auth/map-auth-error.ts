import { notSignedIn, signInCancelled, signInTimedOut, unreachable } from '../../shared/errors/catalogue';
import { AppError } from '../../shared/ipc/app-error';
import { aadstsEntry } from '../../shared/readiness/aadsts';
import { adminConsentUrl, adminMessageForAadsts, type AppIdentity } from '../../shared/readiness/admin-message';
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
/** Who is signing in to which app: turns admin-only errors into a message for the admin. */
export type AdminContext = AppIdentity & { user: string | null; policyNames?: readonly string[] };

export function mapAuthError(error: unknown, hint?: EntraErrorHint | null, admin?: AdminContext | null): AppError {
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

  // Own keys only (aadstsEntry): the number comes from the server, and must never reach Object.prototype.
  const known = aadstsEntry(aadsts);
  if (known && aadsts !== undefined) return explained(aadsts, known, admin ?? null);
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

function explained(aadsts: string, known: NonNullable<ReturnType<typeof aadstsEntry>>, admin: AdminContext | null): AppError {
  const message = `${known.message} (AADSTS${aadsts})`;
  if (!known.admin || !admin) return new AppError({ code: known.code, message, nextStep: known.nextStep });
  const consent = known.admin.kind === 'admin-consent' ? ` Admin consent link: ${adminConsentUrl(admin)}` : '';
  const adminMessage = adminMessageForAadsts(aadsts, { ...admin, user: admin.user ?? 'a user of our organisation' });
  return new AppError({ code: known.code, message, nextStep: `${known.nextStep}${consent}`, ...(adminMessage ? { adminMessage } : {}) });
}
