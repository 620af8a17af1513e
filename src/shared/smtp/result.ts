import * as z from '../zod';

export const smtpCauses = [
  'ok',
  'bad-credentials',
  'smtp-auth-disabled-tenant',
  'smtp-auth-disabled-mailbox',
  'basic-auth-disabled',
  'basic-auth-retired',
  'security-defaults',
  'conditional-access',
  'oauth-token-rejected',
  'mechanism-unsupported',
  'starttls-unavailable',
  'tls-untrusted',
  'timeout',
  'connection-refused',
  'dns',
  'connection-lost',
  'unknown',
] as const;
export const smtpCauseSchema = z.enum(smtpCauses);
export type SmtpCause = z.infer<typeof smtpCauseSchema>;

export const smtpStageSchema = z.enum(['connect', 'tls', 'auth', 'done']);
export type SmtpStage = z.infer<typeof smtpStageSchema>;

export const smtpMethodSchema = z.enum(['app-password', 'oauth']);
export type SmtpMethod = z.infer<typeof smtpMethodSchema>;

/** The `smtp-test --json` object, and what the Verify screen shows. */
export const smtpTestResultSchema = z.object({
  ok: z.boolean(),
  cause: smtpCauseSchema,
  stage: smtpStageSchema,
  reply: z.nullable(z.string()),
  advice: z.string(),
  guide: z.optional(z.string()),
  transcript: z.array(z.string()),
});
export type SmtpTestResult = z.infer<typeof smtpTestResultSchema>;
