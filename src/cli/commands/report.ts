import { resolve } from 'node:path';
import type { Command } from 'commander';
import { retirementNotice } from '../../shared/readiness/retirement';
import type { CliContext } from '../context';
import { usageError } from '../cli-errors';
import { withExamples } from '../help';
import { Progress } from '../progress';
import { positiveInt } from '../options';
import { formatFor } from '../report/formats';
import type { TokenSource } from '../report/graph-fetch';
import { graphReportTokenSource, trustFor } from '../services';
import { readAllStdin } from '../stdin';
import { groupDigits } from '../../shared/text/group-digits';

type ReportOptions = {
  out: string;
  restart?: boolean;
  maxRetries: number;
  pageSize?: number;
  json?: boolean;
  accessTokenStdin?: boolean;
};

export function registerReport(program: Command, context: CliContext): void {
  const command = program
    .command('report')
    .description(
      "Admins: every user's MFA registration and app-password readiness (Graph userRegistrationDetails) plus the tenant facts, streamed to a CSV or JSON file. Resumable: if it stops, run the same command again.",
    )
    .requiredOption('--out <file>', 'output file, .csv or .json (a CSV gets FILE.meta.json with the tenant facts beside it)')
    .option('--restart', 'discard an unfinished run of this report and start over')
    .option('--max-retries <n>', 'retries per page on throttling (429), 5xx or a dropped connection', positiveInt('--max-retries', 0, 50), 5)
    .option('--page-size <n>', 'users per page ($top); the server default when omitted', positiveInt('--page-size', 1, 999))
    .option('--access-token-stdin', 'read a Graph access token from stdin instead of the signed-in account (automation)')
    .option('--json', 'print a JSON summary when done')
    .action(async (options: ReportOptions) => {
      const out = context.output(options.json);
      const format = formatFor(options.out);
      if (!format) throw usageError(`--out must end in .csv or .json (got "${options.out}").`);
      const config = await context.config();
      // Loaded here, not at startup: undici is only needed by the commands that use the network.
      const [{ runReport }, { dispatcher }] = await Promise.all([import('../report/run-report'), trustFor(context)]);
      const token: TokenSource = options.accessTokenStdin
        ? await fixedToken(await readAllStdin(context.io, 'an access token'))
        : await graphReportTokenSource(context);

      const progress = new Progress({ stream: context.io.stderr, label: 'Users', unit: 'users' });
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        const summary = await runReport({
          out: resolve(options.out),
          format,
          graphBaseUrl: config.values.graphBaseUrl,
          restart: options.restart === true,
          ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
          commitIntervalMs: 1000,
          notices: [retirementNotice(context.io.now().toISOString().slice(0, 10))],
          now: () => context.io.now(),
          fetch: {
            dispatcher,
            token,
            maxRetries: options.maxRetries,
            retryBaseMs: 1000,
            signal: abort.signal,
            onRetry: ({ attempt, waitMs, reason }) => {
              progress.clear();
              out.note(`Microsoft Graph: ${reason}; retrying in ${(waitMs / 1000).toFixed(1)} s (retry ${attempt} of ${options.maxRetries}).`);
            },
          },
          onResume: (checkpoint) =>
            out.note(`Resuming the unfinished report: ${groupDigits(checkpoint.rowsWritten)} users already saved.`),
          onProgress: (rows, total) => {
            progress.setTotal(total);
            progress.update(rows);
          },
        });
        progress.finish(summary.users);
        if (options.json) return out.result({ ok: true, ...summary });
        out.line(`Wrote ${groupDigits(summary.users)} users to ${summary.out}${summary.metaFile ? ` (tenant facts: ${summary.metaFile})` : ''}.`);
        if (summary.skippedRows > 0) out.warn(`${summary.skippedRows} entries had no id or user name and were left out.`);
      } finally {
        progress.clear();
        process.removeListener('SIGINT', onSigint);
        // Stops a prefetch still retrying in the background, then drops the connections.
        abort.abort();
        await dispatcher.destroy().catch(() => undefined);
      }
    });
  withExamples(command, [
    'm365-connect report --out mfa-readiness.csv',
    'm365-connect report --out mfa-readiness.json --json',
    'm365-connect report --out mfa-readiness.csv --restart',
  ]);
}

async function fixedToken(token: string): Promise<TokenSource> {
  const trimmed = token.trim();
  if (trimmed === '') throw usageError('--access-token-stdin read nothing from standard input.');
  return async () => trimmed;
}
