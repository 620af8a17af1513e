import { AppError } from '../../shared/ipc/errors';
import { exitCodeForCause, type SmtpExitCode } from '../../shared/smtp/exit-codes';
import type { SmtpMethod, SmtpTestResult } from '../../shared/smtp/result';
import type { AuthService, SmtpService, SmtpTestRequest, VaultService } from '../services';

/** Where the secret of a test login comes from: given (stdin), the keychain, or a fresh token. */
export type SecretSource = { kind: 'given'; secret: string } | { kind: 'keychain'; vault: Pick<VaultService, 'read'> } | { kind: 'oauth'; auth: Pick<AuthService, 'acquireSmtpToken'> };

/**
 * `smtp-test` for the CLI (and anything else headless): resolves the secret, runs the login,
 * and returns the result with its exit code. The secret is never part of what is returned.
 */
export async function runSmtpTest(options: {
  smtp: SmtpService;
  upn: string;
  source: SecretSource;
  onProgress?: SmtpTestRequest['onProgress'];
}): Promise<{ result: SmtpTestResult; exitCode: SmtpExitCode }> {
  const { source, upn } = options;
  const method: SmtpMethod = source.kind === 'oauth' ? 'oauth' : 'app-password';
  const secret =
    source.kind === 'given' ? source.secret : source.kind === 'keychain' ? await source.vault.read(upn) : await source.auth.acquireSmtpToken(upn);
  if (secret === null || secret === '') {
    throw new AppError({
      code: 'not-stored',
      message: `No app password is stored for ${upn.trim().toLowerCase()}.`,
      nextStep: 'Store it first (m365-connect store --user UPN --password-stdin), or pass it with --password-stdin.',
      guide: 'create-app-password',
    });
  }
  const result = await options.smtp.test({ upn, method, secret, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return { result, exitCode: exitCodeForCause(result.cause) };
}
