import type { SmtpCause } from './result';

/**
 * `m365-connect smtp-test` exit codes (the same numbers as src/cli/exit-codes.ts): 0 signed in, 2 usage (the CLI's own),
 * 3 authentication refused, 4 TLS problem, 5 network. A reply we cannot place is not proof
 * of any of those, so it gets the generic failure code 1 rather than a misleading one.
 */
export const smtpExitCodes = { ok: 0, failure: 1, usage: 2, authRefused: 3, tls: 4, network: 5 } as const;
export type SmtpExitCode = (typeof smtpExitCodes)[keyof typeof smtpExitCodes];

const exitCodeByCause: Record<SmtpCause, SmtpExitCode> = {
  ok: smtpExitCodes.ok,
  'bad-credentials': smtpExitCodes.authRefused,
  'smtp-auth-disabled-tenant': smtpExitCodes.authRefused,
  'smtp-auth-disabled-mailbox': smtpExitCodes.authRefused,
  'basic-auth-disabled': smtpExitCodes.authRefused,
  'basic-auth-retired': smtpExitCodes.authRefused,
  'security-defaults': smtpExitCodes.authRefused,
  'conditional-access': smtpExitCodes.authRefused,
  'oauth-token-rejected': smtpExitCodes.authRefused,
  'mechanism-unsupported': smtpExitCodes.authRefused,
  'starttls-unavailable': smtpExitCodes.tls,
  'tls-untrusted': smtpExitCodes.tls,
  timeout: smtpExitCodes.network,
  'connection-refused': smtpExitCodes.network,
  dns: smtpExitCodes.network,
  'connection-lost': smtpExitCodes.network,
  unknown: smtpExitCodes.failure,
};

export function exitCodeForCause(cause: SmtpCause): SmtpExitCode {
  return exitCodeByCause[cause];
}
