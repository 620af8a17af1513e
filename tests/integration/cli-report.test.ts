import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, keyringAvailable, repoRoot } from '../cli/support/cli-process';
import { parseCsv } from '../cli/support/parse-csv';
import { useSandboxCli } from '../cli/support/sandbox-cli-fixture';

/**
 * `report` end to end: the built CLI, signed in by device code as the tenant's admin, against
 * the sandbox's 100,000-user registration report, with faults injected mid-way.
 * The token cache lives in the OS keychain, so this needs scripts/with-keyring.sh (npm test).
 */
const reason = 'needs a Secret Service for the token cache between CLI runs: run under scripts/with-keyring.sh (npm test does)';

describe.skipIf(!keyringAvailable())(`report against the 100,000-user sandbox (skipped unless ${reason})`, () => {
  const cli = useSandboxCli({ scenario: 'large-tenant', setupTimeoutMs: 120_000 });
  let dir: string;
  const users = 100_000;

  // Signed in once, as the tenant's admin (its first user).
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-report-'));
    const signIn = await cli.signInFirstUser();
    expect(signIn.code, signIn.stderr).toBe(0);
  }, 120_000);

  const distinctCsvUsers = async (file: string) => {
    const records = parseCsv(await readFile(file, 'utf8'));
    const header = records[0]!;
    const id = header.indexOf('id');
    const upn = header.indexOf('userPrincipalName');
    const rows = records.slice(1);
    return { rows: rows.length, ids: new Set(rows.map((r) => r[id])).size, upns: new Set(rows.map((r) => r[upn])).size };
  };

  it('writes exactly 100,000 distinct users to CSV, with the tenant facts beside it', async () => {
    const out = join(dir, 'all.csv');
    // Watched for Node's fetch globals: the report never needs them, and their first touch costs its start ~30 ms.
    const watch = join(repoRoot, 'tests/cli/support/watch-web-globals.cjs');
    const run = await cli.run(['report', '--out', out, '--json'], { timeoutMs: 300_000, env: { NODE_OPTIONS: `--require ${watch}` } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('[web-globals]');
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ ok: true, users, format: 'csv', resumedAtUser: null });
    expect(await distinctCsvUsers(out)).toEqual({ rows: users, ids: users, upns: users });
    const meta = JSON.parse(await readFile(join(dir, 'all.meta.json'), 'utf8'));
    expect(meta.userCount).toBe(users);
    expect(meta.tenant.securityDefaults).not.toBe('unknown');
    // Progress went to stderr as plain lines (stderr is not a terminal here), never to stdout.
    expect(run.stderr).not.toMatch(/\r/);
    expect(run.stderr).not.toContain('\u001b[');
  }, 320_000);

  it('503s beyond the retries mid-way: exits 5 with a resume hint; the rerun completes with no user lost or duplicated', async () => {
    const { sb } = cli;
    const out = join(dir, 'faulted.csv');
    sb.resetCounters();
    const first = cli.run(['report', '--out', out, '--max-retries', '2'], { timeoutMs: 300_000 });
    await waitFor(() => sb.counters.graphRequests >= 40);
    sb.faults.set({ graph: { status: 503, retryAfterSeconds: 0, times: 1_000_000 } });
    const failed = await first;
    expect(failed.code, failed.stderr).toBe(5);
    expect(failed.stderr).toMatch(/Run the same command again \(m365-connect report --out .*faulted\.csv\) to resume from user [\d,]+/);
    const saved = Number(/([\d,]+) users are saved/.exec(failed.stderr)![1]!.replace(/,/g, ''));
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(users);
    await expect(stat(out)).rejects.toThrow(); // no half file under the final name

    sb.faults.set({ graph: { status: 503, retryAfterSeconds: 0, times: 0 } });
    const resumed = await cli.run(['report', '--out', out, '--json'], { timeoutMs: 300_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming the unfinished report/);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ users, resumedAtUser: saved + 1 });
    expect(await distinctCsvUsers(out)).toEqual({ rows: users, ids: users, upns: users });
  }, 600_000);

  it('a killed run (SIGKILL mid-write) resumes into one valid JSON document of 100,000 distinct users', async () => {
    const { sb, env } = cli;
    const out = join(dir, 'killed.json');
    sb.resetCounters();
    const child = spawn(process.execPath, [cliPath, 'report', '--out', out], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
    await waitFor(() => sb.counters.graphRequests >= 30);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const resumed = await cli.run(['report', '--out', out], { timeoutMs: 300_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    const document = JSON.parse(await readFile(out, 'utf8'));
    const ids = new Set(document.users.map((u: { id: string }) => u.id));
    expect(document.users).toHaveLength(users);
    expect(ids.size).toBe(users);
    expect(document.userCount).toBe(users);
  }, 600_000);

  it('honours 429 Retry-After and finishes', async () => {
    const { sb } = cli;
    const out = join(dir, 'throttled.json');
    sb.resetCounters();
    const run = cli.run(['report', '--out', out, '--page-size', '999'], { timeoutMs: 300_000 });
    await waitFor(() => sb.counters.graphRequests >= 10);
    sb.faults.set({ graph: { status: 429, retryAfterSeconds: 1, times: 2 } });
    const done = await run;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/HTTP 429; retrying in 1\.0 s/);
    expect(JSON.parse(await readFile(out, 'utf8')).users).toHaveLength(users);
  }, 320_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
