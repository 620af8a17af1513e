import type * as z from '../../shared/zod';
import { AppError } from '../../shared/ipc/app-error';

export type SourceLabel = string;

/** A bad value, named by key and by where it came from, so an admin can find and fix it. */
export function invalidValue(key: string, where: SourceLabel, problem: string): AppError {
  return new AppError({
    code: 'config-invalid',
    message: `Configuration key "${key}" from ${where} is invalid: ${problem}.`,
    nextStep: `Correct "${key}" in ${where}, or remove it to use the default.`,
    issues: [{ path: key, message: problem }],
  });
}

/** Every problem in a file at once, so fixing it takes one round, not one per key. */
export function invalidFile(kind: 'policy' | 'settings', file: string, error: z.core.$ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)',
    message: issue.code === 'unrecognized_keys' ? `unknown key(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const listed = issues.map((issue) => `"${issue.path}": ${issue.message}`).join('; ');
  const label = kind === 'policy' ? 'policy file' : 'settings file';
  return new AppError({
    code: 'config-invalid',
    message: `The ${label} ${file} is invalid: ${listed}.`,
    nextStep:
      kind === 'policy'
        ? 'Ask your IT administrator to correct the policy file; nothing was started with it half-read.'
        : `Correct or delete ${file}; the app's defaults apply without it.`,
    issues,
  });
}

export function unreadableFile(kind: 'policy' | 'settings', file: string, problem: string): AppError {
  const label = kind === 'policy' ? 'policy file' : 'settings file';
  return new AppError({
    code: 'config-invalid',
    message: `The ${label} ${file} could not be read: ${problem}.`,
    nextStep:
      kind === 'policy'
        ? 'Ask your IT administrator to check the policy file (valid JSON, readable by you); nothing was started with it half-read.'
        : `Correct or delete ${file}.`,
    issues: [{ path: '(file)', message: problem }],
  });
}
