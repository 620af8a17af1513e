export { createSmtpService, defaultSmtpHost, defaultSmtpPort, type SmtpServiceOptions } from './smtp-service';
export { runSmtpLogin } from './smtp-login';
export { defaultSmtpTimeouts, type SmtpTimeouts } from './timeouts';
export { createRedactor, secretPlaceholder } from './redact';
export { classifySmtpOutcome, classifyReply } from '../../shared/smtp/classify';
export { exitCodeForCause, smtpExitCodes } from '../../shared/smtp/exit-codes';
