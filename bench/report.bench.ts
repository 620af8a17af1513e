/**
 * `report` throughput and peak memory for 10,000 and 100,000 users, beside the time a plain
 * HTTP client needs merely to download the same pages, in the same run, against the same
 * sandbox. The CSV report and the plain download take turns, round after round (3 by default),
 * so a slower spell of the machine hits both alike; speeds are the rounds' medians, peak RSS the
 * highest round. JSON and a capped heap run once each. "startup" is the CLI's fixed cost
 * (`whoami`: start, token cache, silent token), included in the report's time but not in the
 * plain download's. Prints figures and the goals' ratios; asserts nothing. Needs a Secret
 * Service for the token cache:
 *   npm run bench:report [-- --rounds N]   (= scripts/with-keyring.sh npx tsx bench/report.bench.ts)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from 'undici';
import { createAuthService } from '../src/main/auth';
import { loadConfig } from '../src/main/config';
import { createDispatcher, createTrust } from '../src/main/net/trust';
import { registrationDetailsPath } from '../src/cli/report/run-report';
import { startSandbox } from '../sandbox/index';
import { cliPath, ensureBuiltCli, repoRoot } from '../tests/cli/support/cli-process';
import { closeBrowser, sandboxEnv, signInWithDeviceCode, type Sandbox } from '../tests/cli/support/sandbox-cli';

type Scenario = Sandbox['scenario'];

const sizes = [10_000, 100_000];
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

type SizeFigures = { lines: string[]; csvUsersPerSecond: number; plainUsersPerSecond: number; csvPeakRssKb: number };

async function plainDownload(sb: Sandbox, token: string): Promise<{ ms: number; users: number; pages: number; bytes: number }> {
  const dispatcher = createDispatcher(createTrust(sb.caPemPath));
  const started = performance.now();
  let url: string | null = `${sb.graphBaseUrl}${registrationDetailsPath}`;
  let users = 0;
  let pages = 0;
  let bytes = 0;
  while (url) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, dispatcher });
    const text = await response.text();
    if (!response.ok) throw new Error(`plain download: HTTP ${response.status}`);
    const body = JSON.parse(text) as { value: unknown[]; '@odata.nextLink'?: string };
    users += body.value.length;
    bytes += text.length;
    pages += 1;
    url = body['@odata.nextLink'] ?? null;
  }
  const ms = performance.now() - started;
  await dispatcher.close();
  return { ms, users, pages, bytes };
}

/** The built CLI under GNU time: wall clock and peak resident memory of that process alone. */
function timedCli(
  env: NodeJS.ProcessEnv,
  args: string[],
  nodeFlags: string[] = [],
): Promise<{ ms: number; maxRssKb: number; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...nodeFlags, cliPath, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ ms, maxRssKb: rss ? Number(rss[1]) : NaN, stderr, code });
    });
  });
}

async function benchSize(base: Scenario, users: number): Promise<SizeFigures> {
  const scenario: Scenario = { ...base, tenant: { ...base.tenant, reportUsers: users } };
  const sb = await startSandbox({ scenario });
  const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
  try {
    const env = await sandboxEnv(sb);
    const admin = sb.scenario.users[0]!;
    const signIn = await signInWithDeviceCode(sb, env, { upn: admin.upn, password: admin.password, ...(admin.mfaCode ? { mfaCode: admin.mfaCode } : {}) });
    if (signIn.code !== 0) throw new Error(`sign-in failed: ${signIn.stderr}`);

    // The same cached token the CLI uses, for the plain client.
    const config = await loadConfig({ env: { ...process.env, ...env } });
    const auth = await createAuthService({
      config,
      platform: { openExternal: async () => undefined },
      cacheDir: join(env.XDG_CONFIG_HOME!, 'm365-connect', 'msal'),
    });
    const token = (await auth.acquireGraphToken()).accessToken;
    await auth.close();

    await plainDownload(sb, token); // warm-up: connections, JIT, the sandbox's generator
    // The report's warm-up, as the plain client had one: its V8 code cache is written on a first run.
    const warmUp = await timedCli(env, ['report', '--out', join(dir, 'warm-up.csv'), '--restart']);
    if (warmUp.code !== 0) throw new Error(`report warm-up failed (${warmUp.code}): ${warmUp.stderr}`);
    // The CLI's fixed cost (start-up, keychain-backed token cache, silent token): whoami does just that.
    const startup = await timedCli(env, ['whoami']);

    const runReport = async (format: 'csv' | 'json', flags: string[] = []) => {
      const out = join(dir, `report.${format}`);
      const report = await timedCli(env, ['report', '--out', out, '--restart'], flags);
      if (report.code !== 0) throw new Error(`report failed (${report.code}): ${report.stderr}`);
      const size = (await stat(out)).size;
      if (format === 'json') {
        const count = (JSON.parse(await readFile(out, 'utf8')) as { userCount: number }).userCount;
        if (count !== users) throw new Error(`report wrote ${count} users, expected ${users}`);
      }
      return { ms: report.ms, maxRssKb: report.maxRssKb, size };
    };
    const plainRounds: Awaited<ReturnType<typeof plainDownload>>[] = [];
    const csvRounds: Awaited<ReturnType<typeof runReport>>[] = [];
    for (let round = 0; round < rounds; round++) {
      plainRounds.push(await plainDownload(sb, token));
      csvRounds.push(await runReport('csv'));
    }
    const plainMs = median(plainRounds.map((run) => run.ms));
    const csv = { ms: median(csvRounds.map((run) => run.ms)), maxRssKb: Math.max(...csvRounds.map((run) => run.maxRssKb)), size: csvRounds[0]!.size };
    const measured = [
      { format: 'csv', label: `csv, median of ${rounds}`, run: csv },
      { format: 'json', label: 'json', run: await runReport('json') },
      // A capped heap that still finishes shows the report's memory does not grow with users.
      { format: 'csv', label: 'csv, heap capped at 48 MiB', run: await runReport('csv', ['--max-old-space-size=48']) },
    ] as const;
    const lines = measured.map(({ format, label, run }) =>
      [
        users.toLocaleString('en-US').padStart(8),
        format.padEnd(4),
        `${Math.round(users / (run.ms / 1000)).toLocaleString('en-US')} users/s`.padStart(16),
        `${(run.ms / 1000).toFixed(2)} s`.padStart(9),
        `${(run.maxRssKb / 1024).toFixed(1)} MiB`.padStart(11),
        `${(run.size / 1024 / 1024).toFixed(1)} MiB`.padStart(10),
        `${(plainMs / 1000).toFixed(2)} s`.padStart(9),
        `${Math.round(users / (plainMs / 1000)).toLocaleString('en-US')} users/s`.padStart(16),
        `${plainRounds[0]!.pages}`.padStart(6),
        `${(startup.ms / 1000).toFixed(2)} s`.padStart(8),
        label === format ? '' : label,
      ].join('  '),
    );
    return { lines, csvUsersPerSecond: users / (csv.ms / 1000), plainUsersPerSecond: users / (plainMs / 1000), csvPeakRssKb: csv.maxRssKb };
  } finally {
    await sb.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    console.error('The report bench needs a Secret Service for the token cache: run it with `npm run bench:report`.');
    process.exit(2);
  }
  ensureBuiltCli();
  const base = JSON.parse(await readFile(join(repoRoot, 'sandbox/scenarios/large-tenant.json'), 'utf8')) as Scenario;
  console.log('m365-connect report: the built CLI (child process, /usr/bin/time -v) vs a plain undici client downloading the same pages');
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    ['   users', 'fmt ', '   report speed', '  report', '  peak RSS', ' file size', ' plain dl', '     plain speed', ' pages', ' startup'].join('  '),
  );
  const figures = new Map<number, SizeFigures>();
  for (const users of sizes) {
    const sized = await benchSize(base, users);
    figures.set(users, sized);
    for (const line of sized.lines) console.log(line);
  }
  await closeBrowser();
  const [small, large] = sizes.map((users) => figures.get(users)!);
  const largest = sizes[sizes.length - 1]!.toLocaleString('en-US');
  console.log(`report CSV vs plain download, ${largest} users: ${(large!.csvUsersPerSecond / large!.plainUsersPerSecond).toFixed(2)}x  (goal >= 0.8x)`);
  console.log(
    `peak RSS, ${largest} vs ${sizes[0]!.toLocaleString('en-US')} users: ${(large!.csvPeakRssKb / small!.csvPeakRssKb).toFixed(2)}x, ${(large!.csvPeakRssKb / 1024).toFixed(1)} MiB  (goal <= 1.1x, < 100 MiB)`,
  );
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeBrowser();
  process.exit(1);
});
