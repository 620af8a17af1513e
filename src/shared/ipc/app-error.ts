import type { AppErrorShape, ErrorCode } from './app-error-schema';

/** Every failure that crosses IPC has one of these codes; the renderer switches on them. */
export const errorCodes = [
  'invalid-payload',
  'untrusted-sender',
  'unknown-channel',
  'not-signed-in',
  'sign-in-cancelled',
  'sign-in-failed',
  'sign-in-timed-out',
  'consent-required',
  'mfa-required',
  'blocked-by-conditional-access',
  'bad-credentials',
  'unknown-client',
  'network',
  'graph-failed',
  'keychain-unavailable',
  'keychain-denied',
  'token-cache-corrupted',
  'already-stored',
  'not-stored',
  'invalid-password',
  'url-not-allowed',
  'config-invalid',
  'policy-forbidden',
  'export-failed',
  'settings-write-failed',
  'bridge-unavailable',
  'bridge-not-running',
  'internal',
] as const;

export type { AppErrorShape, ErrorCode } from './app-error-schema';

/** Thrown by services; converted to AppErrorShape at the IPC boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly nextStep: string | undefined;
  readonly guide: string | undefined;
  readonly adminMessage: string | undefined;
  readonly issues: AppErrorShape['issues'];

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
    this.nextStep = shape.nextStep;
    this.guide = shape.guide;
    this.adminMessage = shape.adminMessage;
    this.issues = shape.issues;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.nextStep !== undefined) shape.nextStep = this.nextStep;
    if (this.guide !== undefined) shape.guide = this.guide;
    if (this.adminMessage !== undefined) shape.adminMessage = this.adminMessage;
    if (this.issues !== undefined) shape.issues = this.issues;
    return shape;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
