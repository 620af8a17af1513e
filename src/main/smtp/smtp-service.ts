import { classifySmtpOutcome } from '../../shared/smtp/classify';
import type { SmtpTestResult } from '../../shared/smtp/result';
import type { SmtpService, SmtpTestRequest } from '../services';
import { runSmtpLogin } from './smtp-login';
import { defaultSmtpTimeouts, type SmtpTimeouts } from './timeouts';
import type { Trust } from '../net/trust';
import { tlsTrust } from '../net/tls-trust';

export type SmtpServiceOptions = {
  host?: string;
  port?: number;
  /** The process's trust (net/trust.ts); omitted = the system's CAs only. */
  trust?: Pick<Trust, 'secureContext'>;
  timeoutsMs?: Partial<SmtpTimeouts>;
};

export const defaultSmtpHost = 'smtp.office365.com';
export const defaultSmtpPort = 587;

/** The SMTP AUTH test login: runs it, classifies the outcome, returns a redacted result. */
export function createSmtpService(options: SmtpServiceOptions = {}): SmtpService {
  const host = options.host ?? defaultSmtpHost;
  const port = options.port ?? defaultSmtpPort;
  const timeouts: SmtpTimeouts = { ...defaultSmtpTimeouts, ...options.timeoutsMs };
  const { secureContext } = options.trust ?? tlsTrust(null);

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
        ...(request.preconnection ? { preconnection: request.preconnection } : {}),
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
