import { AppError } from '../../shared/ipc/errors';
import { aadstsEntry } from '../../shared/readiness/aadsts';
import { adminConsentUrl, adminMessageForAadsts, type AppIdentity } from '../../shared/readiness/admin-message';
import { NetworkUnreachableError } from '../config/trust';

/** Thrown by our own cancel(); never leaves the auth folder as anything but sign-in-cancelled. */
export class SignInCancelledError extends Error {
  constructor() {
    super('Sign-in was cancelled.');
    this.name = 'SignInCancelledError';
  }
}

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
  if (error instanceof SignInCancelledError) {
    return new AppError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.', nextStep: 'Sign in again when you are ready.' });
  }
  const network = findNetworkError(error);
  if (network) {
    return new AppError({
      code: 'network',
      message: `Could not reach the Microsoft sign-in service (${network}).`,
      nextStep: 'Check your internet connection, proxy or firewall, then try again.',
    });
  }
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
    return new AppError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.', nextStep: 'Sign in again when you are ready.' });
  }
  if (errorCode === 'expired_token' || /expired_token|device_code_expired/.test(`${errorCode} ${text}`)) {
    return new AppError({ code: 'sign-in-failed', message: 'The sign-in code expired before it was used.', nextStep: 'Start the sign-in again and enter the new code within 15 minutes.' });
  }
  if (networkCodes.has(errorCode)) {
    return new AppError({
      code: 'network',
      message: 'Could not reach the Microsoft sign-in service.',
      nextStep: 'Check your internet connection, proxy or firewall, then try again.',
    });
  }
  if (errorCode === 'interaction_required' || errorCode === 'login_required' || errorCode === 'no_tokens_found') {
    return new AppError({ code: 'not-signed-in', message: 'Your sign-in has expired.', nextStep: 'Sign in again.' });
  }
  const reference = aadsts ? `AADSTS${aadsts}` : errorCode || 'no error code';
  return new AppError({
    code: 'sign-in-failed',
    message: `Sign-in failed (${reference}).`,
    nextStep: 'Try again; if it keeps failing, give your admin this code and the time of the attempt.',
  });
}

function findNetworkError(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    if (current instanceof NetworkUnreachableError) return current.causeCode;
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/.test(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function explained(aadsts: string, known: NonNullable<ReturnType<typeof aadstsEntry>>, admin: AdminContext | null): AppError {
  const message = `${known.message} (AADSTS${aadsts})`;
  if (!known.admin || !admin) return new AppError({ code: known.code, message, nextStep: known.nextStep });
  const consent = known.admin.kind === 'admin-consent' ? ` Admin consent link: ${adminConsentUrl(admin)}` : '';
  const adminMessage = adminMessageForAadsts(aadsts, { ...admin, user: admin.user ?? 'a user of our organisation' });
  return new AppError({ code: known.code, message, nextStep: `${known.nextStep}${consent}`, ...(adminMessage ? { adminMessage } : {}) });
}
