import type { ConnectRoute } from '../../shared/routes/route';
import { decideReadiness } from '../../shared/readiness/model';
import { calendarDate } from '../../shared/readiness/retirement';
import type { Verdict } from '../../shared/readiness/verdict';
import type { GraphTokenSource } from '../auth/auth-service';
import type { ResolvedConfig } from '../config/resolved';
import { createTrust, type Trust } from '../net/trust';
import type { ReadinessService } from '../services';
import type { GatheredFacts } from './facts-from-batch';
import { gatherReadinessFacts } from './gather';
import type { RetryPolicy } from './graph-retry';

export type CreateReadinessServiceOptions = {
  config: ResolvedConfig;
  auth: GraphTokenSource;
  /** The process's trust (compose.ts); omitted = built from config and closed with the service. */
  trust?: Trust;
  /** Today's date for the retirement notice; tests pin it. */
  today?: () => string;
  retry?: RetryPolicy;
};

const localDate = () => calendarDate(new Date());

type SignedIn = { account: { upn: string; tenantId: string }; amr: readonly string[] };

/** Gathered facts (+ the sign-in's amr) -> verdict, by the shared rules. Pure; the report uses the same ones. */
export function verdictFromGathered(gathered: GatheredFacts, token: SignedIn, today: string, routesOffered?: readonly ConnectRoute[]): Verdict {
  return decideReadiness({
    account: { upn: gathered.user.upn ?? token.account.upn, tenantId: token.account.tenantId },
    facts: { ...gathered.facts, signInUsedMfa: token.amr.includes('mfa') },
    unknownWhy: gathered.unknownWhy,
    conditionalAccess: gathered.conditionalAccess,
    today,
    ...(routesOffered ? { routesOffered } : {}),
  });
}

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
      const verdict = verdictFromGathered(gathered, token, (options.today ?? localDate)(), options.config.values.routesOffered);
      const ca = verdict.conditionalAccess;
      if (ca) options.auth.noteConditionalAccessPolicies?.([...new Set([...ca.appPassword.findings, ...ca.oauth.findings].map((f) => f.displayName))]);
      return verdict;
    },
    async close() {
      await ownTrust?.close();
    },
  };
}
