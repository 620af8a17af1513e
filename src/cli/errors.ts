import { isAppError, type AppError, type ErrorCode } from '../shared/ipc/errors';
import { exitCodes, type ExitCode } from './exit-codes';

/** A failure the CLI reports itself: a plain message, what to do next, and its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly nextStep?: string,
    /** A stable id for --json output (an AppError code, or a CLI-specific one). */
    readonly code: string = 'cli',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string, nextStep?: string) =>
  new CliError(message, exitCodes.usage, nextStep, 'usage');

const exitCodeFor: Record<ErrorCode, ExitCode> = {
  'invalid-payload': exitCodes.usage,
  'untrusted-sender': exitCodes.failure,
  'unknown-channel': exitCodes.failure,
  'not-signed-in': exitCodes.notSignedIn,
  'sign-in-cancelled': exitCodes.failure,
  'sign-in-failed': exitCodes.authRefused,
  'consent-required': exitCodes.authRefused,
  'mfa-required': exitCodes.authRefused,
  'blocked-by-conditional-access': exitCodes.authRefused,
  'bad-credentials': exitCodes.authRefused,
  'unknown-client': exitCodes.config,
  network: exitCodes.network,
  'graph-failed': exitCodes.failure,
  'keychain-unavailable': exitCodes.keychain,
  'keychain-denied': exitCodes.keychain,
  'token-cache-corrupted': exitCodes.keychain,
  'already-stored': exitCodes.alreadyStored,
  'not-stored': exitCodes.notStored,
  'invalid-password': exitCodes.usage,
  'url-not-allowed': exitCodes.failure,
  'config-invalid': exitCodes.config,
  'policy-forbidden': exitCodes.config,
  'export-failed': exitCodes.failure,
  'settings-write-failed': exitCodes.failure,
  'bridge-unavailable': exitCodes.failure,
  'bridge-not-running': exitCodes.failure,
  internal: exitCodes.failure,
};

export type ReportedError = { code: string; message: string; nextStep?: string; guide?: string; adminMessage?: string; exitCode: ExitCode };

/**
 * Any thrown value -> what the user sees. Unknown errors show their message only (never a
 * stack trace, and services guarantee their messages hold no secret).
 */
export function toReported(error: unknown): ReportedError {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, exitCode: error.exitCode, ...opt('nextStep', error.nextStep) };
  }
  if (isAppError(error)) return fromAppError(error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected failure: ${message}`, exitCode: exitCodes.failure };
}

function fromAppError(error: AppError): ReportedError {
  return {
    code: error.code,
    message: error.message,
    exitCode: exitCodeFor[error.code],
    ...opt('nextStep', error.nextStep),
    ...opt('guide', error.guide),
    ...opt('adminMessage', error.adminMessage),
  };
}

const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
