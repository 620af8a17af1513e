import { classifySmtpOutcome } from '../../shared/smtp/classify';
import type { SmtpTestResult } from '../../shared/smtp/result';
import type { SmtpService, SmtpTestRequest } from '../services';
import { defaultSmtpTimeouts, runSmtpLogin, type SmtpTimeouts } from './smtp-login';
import { smtpSecureContext } from './trust';

export type SmtpServiceOptions = {
  host?: string;
  port?: number;
  /** An extra CA to trust beside the system's: PEM text or the path of a PEM file. */
  extraCa?: string;
  timeoutsMs?: Partial<SmtpTimeouts>;
};

export const defaultSmtpHost = 'smtp.office365.com';
export const defaultSmtpPort = 587;

/** The SMTP AUTH test login: runs it, classifies the outcome, returns a redacted result. */
export function createSmtpService(options: SmtpServiceOptions = {}): SmtpService {
  const host = options.host ?? defaultSmtpHost;
  const port = options.port ?? defaultSmtpPort;
  const timeouts: SmtpTimeouts = { ...defaultSmtpTimeouts, ...options.timeoutsMs };
  // Read once: a missing or unreadable CA file is a configuration error worth failing on early.
  const secureContext = smtpSecureContext(options.extraCa);

  return {
    async test(request: SmtpTestRequest): Promise<SmtpTestResult> {
      const record = await runSmtpLogin({
        host,
        port,
        secureContext,
        timeouts,
        upn: request.upn,
        method: request.method,
        secret: request.secret,
        onStage: (stage, detail) => request.onProgress?.({ stage, detail }),
      });
      const { cause, advice, guide } = classifySmtpOutcome(record.outcome);
      const result: SmtpTestResult = {
        ok: cause === 'ok',
        cause,
        stage: record.outcome.stage,
        reply: record.reply,
        advice: record.redact(advice),
        transcript: record.transcript,
      };
      if (guide !== undefined) result.guide = guide;
      if (cause !== 'ok') request.onProgress?.({ stage: record.outcome.stage, detail: `Stopped: ${cause}` });
      return result;
    },
  };
}
