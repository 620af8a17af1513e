import { decideReadiness } from '../../shared/readiness/model';
import type { Verdict } from '../../shared/readiness/verdict';
import type { GraphTokenSource } from '../auth/auth-service';
import type { ResolvedConfig } from '../config/resolved';
import { createTrust, type Trust } from '../config/trust';
import type { ReadinessService } from '../services';
import { gatherReadinessFacts } from './gather';
import type { RetryPolicy } from './retry';

export type CreateReadinessServiceOptions = {
  config: ResolvedConfig;
  auth: GraphTokenSource;
  /** The process's trust (compose.ts); omitted = built from config and closed with the service. */
  trust?: Trust;
  /** Today's date for the retirement notice; tests pin it. */
  today?: () => string;
  retry?: RetryPolicy;
};

const localDate = (date = new Date()) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Token -> one Graph `$batch` -> facts (+ the sign-in's amr) -> verdict. */
export function createReadinessService(options: CreateReadinessServiceOptions): ReadinessService & { close(): Promise<void> } {
  const ownTrust = options.trust ? null : createTrust(options.config.values.extraCaFile);
  const { dispatcher } = options.trust ?? ownTrust!;
  return {
    async check(): Promise<Verdict> {
      const token = await options.auth.acquireGraphToken();
      const gathered = await gatherReadinessFacts({
        graphBaseUrl: options.config.values.graphBaseUrl,
        accessToken: token.accessToken,
        userId: token.userId,
        dispatcher,
        ...(options.retry ? { retry: options.retry } : {}),
      });
      return decideReadiness({
        account: { upn: gathered.user.upn ?? token.account.upn, tenantId: token.account.tenantId },
        facts: { ...gathered.facts, signInUsedMfa: token.amr.includes('mfa') },
        unknownWhy: gathered.unknownWhy,
        today: (options.today ?? localDate)(),
        routesOffered: options.config.values.routesOffered,
      });
    },
    async close() {
      await ownTrust?.close();
    },
  };
}
