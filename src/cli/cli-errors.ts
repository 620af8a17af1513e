import { isAppError, type AppError, type ErrorCode } from '../shared/ipc/app-error';
import { exitCodes, type ExitCode } from './exit-codes';

/** Situations only the command line has (bad flags, a report's own files); all else is an ErrorCode. */
export type CliOnlyCode = 'usage' | 'forbidden' | 'interrupted' | 'busy' | 'bridge-already-running' | 'cli';
export type CliCode = ErrorCode | CliOnlyCode;

/** One table from error code to exit code: scripts switch on these numbers, so they never move. */
const exitCodeFor: Record<CliCode, ExitCode> = {
  'invalid-payload': exitCodes.usage,
  'untrusted-sender': exitCodes.failure,
  'unknown-channel': exitCodes.failure,
  'not-signed-in': exitCodes.notSignedIn,
  'sign-in-cancelled': exitCodes.failure,
  'sign-in-failed': exitCodes.authRefused,
  'sign-in-timed-out': exitCodes.failure,
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
  usage: exitCodes.usage,
  forbidden: exitCodes.forbidden,
  interrupted: exitCodes.interrupted,
  busy: exitCodes.failure,
  'bridge-already-running': exitCodes.bridgeAlreadyRunning,
  cli: exitCodes.failure,
};

/** Where the app says "sign in", the command line names its command. */
const cliNextStep: Partial<Record<CliCode, string>> = {
  'not-signed-in': 'Run `m365-connect sign-in`.',
};

/** A failure the CLI reports itself: a plain message, what to do next, and a code that decides the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    /** A stable id for --json output; its exit code comes from the one table above. */
    readonly code: CliCode = 'cli',
    readonly nextStep?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): ExitCode {
    return exitCodeFor[this.code];
  }
}

export const usageError = (message: string, nextStep?: string) => new CliError(message, 'usage', nextStep);

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
    ...opt('nextStep', cliNextStep[error.code] ?? error.nextStep),
    ...opt('guide', error.guide),
    ...opt('adminMessage', error.adminMessage),
  };
}

const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
