import type { Command } from 'commander';
import type { Account } from '../../shared/account';
import type { Verdict } from '../../shared/readiness/verdict';
import type { CliContext } from '../context';
import { toReported } from '../cli-errors';
import { jsonCommand } from '../help';
import { authService, readinessService, vaultService } from '../services';

type Part<T> = { ok: true; value: T } | { ok: false; error: string; code: string };

const attempt = async <T>(run: () => Promise<T>): Promise<Part<T>> => {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const reported = toReported(error);
    return { ok: false, error: reported.message, code: reported.code };
  }
};

/**
 * A summary that never fails as a whole: each part (keychain, sign-in, route) reports its
 * own problem, so a locked keychain still shows who is signed in.
 */
export function registerStatus(program: Command, context: CliContext): void {
  const description = 'Accounts with a stored app password (never the value), the signed-in account, and the effective route.';
  const examples = ['m365-connect status', 'm365-connect status --json | jq .storedAccounts'];
  jsonCommand<{ json?: boolean }>(program, context, { name: 'status', description, json: 'print {"storedAccounts","keychain","signedIn","routesOffered","route"}', examples }, async (options, out) => {
    const config = await context.config();
    const vault = await vaultService(context);
    const stored = await attempt(() => vault.list());
    const signedIn = await attempt(async () => (await (await authService(context)).current()).account);
    const account: Account | null = signedIn.ok ? signedIn.value : null;
    const verdict: Part<Verdict> | null = account
      ? await attempt(async () => {
          const readiness = await readinessService(context);
          try {
            return await readiness.check();
          } finally {
            await readiness.close();
          }
        })
      : null;
    const route = verdict?.ok ? verdict.value.recommended : null;
    const document = {
      ok: true,
      keychain: { service: vault.service, available: stored.ok, ...(stored.ok ? {} : { error: stored.error }) },
      storedAccounts: stored.ok ? stored.value : [],
      signedIn: account,
      ...(signedIn.ok ? {} : { signInError: signedIn.error }),
      routesOffered: config.values.routesOffered,
      route,
      ...(verdict && !verdict.ok ? { routeError: verdict.error } : {}),
    };
    if (options.json) return out.result(document);
    out.table([
      ['Signed in', account ? `${account.upn} (${account.name})` : signedIn.ok ? 'nobody' : `unknown: ${signedIn.error}`],
      ['Keychain', stored.ok ? `available (service "${vault.service}")` : `unavailable: ${stored.error}`],
      ['Stored app passwords', stored.ok ? (stored.value.length ? stored.value.join(', ') : 'none') : 'unknown'],
      ['Routes offered', config.values.routesOffered.join(', ')],
      ['Effective route', route ?? (account ? `unknown${verdict && !verdict.ok ? `: ${verdict.error}` : ''}` : 'sign in to find out')],
    ]);
  });
}
