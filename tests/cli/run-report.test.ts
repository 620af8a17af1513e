import { mkdtemp, readFile, rm, stat, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-errors';
import { exitCodes } from '../../src/cli/exit-codes';
import { readCheckpoint, reportPaths } from '../../src/cli/report/checkpoint';
import { csvFormat, jsonFormat, type ReportFormat } from '../../src/cli/report/formats';
import { runReport, type RunReportOptions } from '../../src/cli/report/run-report';
import { reportColumns } from '../../src/cli/report/rows';
import { startFakeGraph, type FakeGraph } from './support/fake-graph';
import { parseCsv } from './support/parse-csv';

let dir: string;
let graph: FakeGraph | null = null;
const dispatcher = new Agent();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-'));
});
afterEach(async () => {
  await graph?.close();
  graph = null;
  await rm(dir, { recursive: true, force: true });
});

const options = (out: string, format: ReportFormat, extra: Partial<RunReportOptions> = {}): RunReportOptions => ({
  out,
  format,
  graphBaseUrl: graph!.baseUrl,
  restart: false,
  commitIntervalMs: 0,
  notices: ['a notice'],
  now: () => new Date('2026-11-22T10:00:00Z'),
  fetch: { dispatcher, token: async () => 'test-token', maxRetries: 2, retryBaseMs: 1 },
  ...extra,
});

const csvUsers = async (file: string) => {
  const records = parseCsv(await readFile(file, 'utf8'));
  expect(records[0]).toEqual([...reportColumns]);
  return records.slice(1);
};

describe('runReport', () => {
  it('streams every page into a CSV with one row per user, escaped, plus the tenant facts beside it', async () => {
    graph = await startFakeGraph({ users: 2500, pageSize: 300 });
    const out = join(dir, 'mfa.csv');
    const summary = await runReport(options(out, csvFormat));
    expect(summary.users).toBe(2500);
    expect(summary.pages).toBe(9);
    const rows = await csvUsers(out);
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r[1])).size).toBe(2500);
    expect(rows[7]?.[2]).toBe('Doe, "Jo" 7');
    // A formula-looking display name is neutralised for spreadsheets.
    expect(rows[11]?.[2]).toBe(`'=HYPERLINK("x") 11`);
    const meta = JSON.parse(await readFile(join(dir, 'mfa.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ userCount: 2500, tenant: { securityDefaults: false, conditionalAccessPolicies: [] } });
    await expect(stat(reportPaths(out).checkpoint)).rejects.toThrow();
    await expect(stat(reportPaths(out).part)).rejects.toThrow();
  });

  it('writes one valid JSON document with the tenant facts and every user', async () => {
    graph = await startFakeGraph({ users: 1001, pageSize: 250, securityDefaults: true });
    const out = join(dir, 'mfa.json');
    await runReport(options(out, jsonFormat));
    const document = JSON.parse(await readFile(out, 'utf8'));
    expect(document.users).toHaveLength(1001);
    expect(document.userCount).toBe(1001);
    expect(document.tenant.securityDefaults).toBe(true);
    expect(document.users[5]).toMatchObject({ userPrincipalName: 'user5@contoso.example', appPasswordRoute: 'blocked' });
  });

  it('writes an empty tenant as a header-only CSV and an empty JSON array', async () => {
    graph = await startFakeGraph({ users: 0, pageSize: 10 });
    await runReport(options(join(dir, 'a.csv'), csvFormat));
    expect(await csvUsers(join(dir, 'a.csv'))).toEqual([]);
    await runReport(options(join(dir, 'a.json'), jsonFormat));
    expect(JSON.parse(await readFile(join(dir, 'a.json'), 'utf8')).users).toEqual([]);
  });

  it('waits for Retry-After on 429 and 503 and then continues', async () => {
    graph = await startFakeGraph({ users: 500, pageSize: 100 });
    graph.afterPages(2, () => graph!.fault({ kind: 'status', status: 429, retryAfter: '1', times: 1 }));
    const waits: number[] = [];
    const started = Date.now();
    const summary = await runReport(
      options(join(dir, 'r.csv'), csvFormat, {
        fetch: { dispatcher, token: async () => 'test-token', maxRetries: 2, retryBaseMs: 1, onRetry: (n) => waits.push(n.waitMs) },
      }),
    );
    expect(summary.users).toBe(500);
    expect(waits).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('stops with a network exit code and a resume hint when 503s outlast the retries; the rerun loses and duplicates nothing', async () => {
    graph = await startFakeGraph({ users: 3000, pageSize: 200 });
    graph.afterPages(6, () => graph!.fault({ kind: 'status', status: 503, retryAfter: '0', times: 10 }));
    const out = join(dir, 'resume.csv');
    const failure = await runReport(options(out, csvFormat)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(exitCodes.network);
    expect((failure as CliError).nextStep).toMatch(/Run the same command again .* to resume from user 1,201/);
    const checkpoint = await readCheckpoint(reportPaths(out).checkpoint);
    expect(checkpoint?.rowsWritten).toBe(1200);

    graph.fault(null);
    const summary = await runReport(options(out, csvFormat));
    expect(summary.resumedAtUser).toBe(1201);
    const rows = await csvUsers(out);
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3000);
  });

  it('survives dropped connections mid-way and a crash that left rows past the checkpoint', async () => {
    graph = await startFakeGraph({ users: 2000, pageSize: 100 });
    graph.afterPages(4, () => graph!.fault({ kind: 'drop', times: 5 }));
    const out = join(dir, 'crash.json');
    await expect(runReport(options(out, jsonFormat))).rejects.toMatchObject({ exitCode: exitCodes.network });
    // A crash after a write but before the next checkpoint leaves a torn tail: it must go.
    await appendFile(reportPaths(out).part, ',\n    {"id":"torn');
    graph.fault(null);
    await runReport(options(out, jsonFormat));
    const document = JSON.parse(await readFile(out, 'utf8'));
    const ids = document.users.map((u: { id: string }) => u.id);
    expect(ids).toHaveLength(2000);
    expect(new Set(ids).size).toBe(2000);
  });

  it('starts over with restart, and refuses to resume into the other format', async () => {
    graph = await startFakeGraph({ users: 600, pageSize: 100 });
    graph.afterPages(3, () => graph!.fault({ kind: 'status', status: 503, retryAfter: '0', times: 10 }));
    const out = join(dir, 'x.csv');
    await expect(runReport(options(out, csvFormat))).rejects.toBeInstanceOf(CliError);
    graph.fault(null);
    await expect(runReport(options(out, jsonFormat))).rejects.toMatchObject({ exitCode: exitCodes.usage });
    const summary = await runReport(options(out, csvFormat, { restart: true }));
    expect(summary.resumedAtUser).toBeNull();
    expect(await csvUsers(out)).toHaveLength(600);
  });

  it('maps a 403 on the report to the forbidden exit code, and a 403 on a tenant fact to "unknown"', async () => {
    graph = await startFakeGraph({ users: 10, pageSize: 5, reportStatus: 403 });
    await expect(runReport(options(join(dir, 'f.csv'), csvFormat))).rejects.toMatchObject({ exitCode: exitCodes.forbidden });
    await graph.close();
    graph = await startFakeGraph({ users: 10, pageSize: 5, securityDefaults: 403, caPolicies: 403 });
    const summary = await runReport(options(join(dir, 'u.json'), jsonFormat));
    expect(summary.tenant).toMatchObject({ securityDefaults: 'unknown', conditionalAccessPolicies: 'unknown' });
    const document = JSON.parse(await readFile(join(dir, 'u.json'), 'utf8'));
    expect(document.users[1].appPasswordRoute).toBe('unknown');
  });

  it('asks for each page once when the next-page link comes before the users, as Graph sends it', async () => {
    graph = await startFakeGraph({ users: 1000, pageSize: 100, nextLinkFirst: true });
    const out = join(dir, 'first.csv');
    expect((await runReport(options(out, csvFormat))).users).toBe(1000);
    const pages = graph.requests.filter((r) => r.includes('userRegistrationDetails'));
    expect(pages).toHaveLength(10);
    expect(new Set(pages).size).toBe(10);
    expect(new Set((await csvUsers(out)).map((r) => r[1])).size).toBe(1000);
  });

  it('drops a next-page link read ahead from inside a user, and follows the page\'s own', async () => {
    graph = await startFakeGraph({ users: 1000, pageSize: 100, decoyNextLink: true });
    const out = join(dir, 'decoy.csv');
    const summary = await runReport(options(out, csvFormat));
    expect(summary).toMatchObject({ users: 1000, pages: 10 });
    const rows = await csvUsers(out);
    expect(rows.map((r) => r[1])).toEqual(Array.from({ length: 1000 }, (_, i) => `user${i}@contoso.example`));
    // The read-ahead did go to the decoy (and its answer was dropped); every page was fetched once.
    expect(graph.requests.filter((r) => r.startsWith('/v1.0/decoy')).length).toBeGreaterThan(0);
    expect(graph.requests.filter((r) => r.includes('userRegistrationDetails'))).toHaveLength(10);
  });

  it('never sends the token to a host other than the configured Graph', async () => {
    graph = await startFakeGraph({ users: 50, pageSize: 10, foreignNextLink: 'http://evil.example' });
    await expect(runReport(options(join(dir, 'e.csv'), csvFormat))).rejects.toThrow(/another host/);
    expect(graph.requests.filter((r) => r.includes('userRegistrationDetails'))).toHaveLength(1);
  });
});

describe('report lock', () => {
  it('refuses a second run on the same file while the first runs, and takes over a stale lock', async () => {
    graph = await startFakeGraph({ users: 300, pageSize: 10 });
    const out = join(dir, 'locked.csv');
    const { writeFile } = await import('node:fs/promises');
    // A lock left by a process that no longer exists is taken over.
    await writeFile(reportPaths(out).lock, '999999999');
    // Both race for the stale lock: exactly one takes it over and runs, the other is told it is busy.
    const [first, second] = await Promise.allSettled([runReport(options(out, csvFormat)), runReport(options(out, csvFormat))]);
    const done = [first, second].filter((result) => result.status === 'fulfilled');
    const refused = [first, second].filter((result) => result.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(done[0]?.value.users).toBe(300);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toMatchObject({ code: 'busy' });
    await expect(stat(reportPaths(out).lock)).rejects.toThrow();
    // Once the lock is released, the next run on the same file goes ahead.
    expect((await runReport(options(out, csvFormat))).users).toBe(300);
  });
});
