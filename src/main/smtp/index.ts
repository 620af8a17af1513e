export { createSmtpService, defaultSmtpHost, defaultSmtpPort, type SmtpServiceOptions } from './smtp-service';
export { defaultSmtpTimeouts, runSmtpLogin, type SmtpTimeouts } from './smtp-login';
export { createRedactor, secretPlaceholder } from './redact';
export { classifySmtpOutcome, classifyReply } from '../../shared/smtp/classify';
export { exitCodeForCause, smtpExitCodes } from '../../shared/smtp/exit-codes';
