import { open, rename, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { notSignedIn } from '../../shared/errors/catalogue';
import { CliError } from '../cli-errors';
import { exitCodes } from '../exit-codes';
import { readCheckpoint, removeIfPresent, reportPaths, writeCheckpoint, type Checkpoint } from './checkpoint';
import { fetchTenantFacts } from './fetch-tenant-facts';
import type { ReportFormat, ReportMeta } from './formats';
import { nextLinkGuard } from '../../main/graph/next-link-guard';
import { getGraphText, parseGraphJson, repeatedNextLink, type GraphFetchOptions } from './graph-fetch';
import { lockOutput } from './lock';
import { nextLinkAhead } from './next-link-ahead';
import { calendarDate } from '../../shared/readiness/retirement';
import { toReportRow, type ReportRow } from './rows';
import type { TenantFacts } from './tenant-facts';
import { groupDigits } from '../../shared/text/group-digits';

export const registrationDetailsPath = '/v1.0/reports/authenticationMethods/userRegistrationDetails';

export type RunReportOptions = {
  out: string;
  format: ReportFormat;
  graphBaseUrl: string;
  fetch: GraphFetchOptions;
  /** Start over even if a checkpoint exists. */
  restart: boolean;
  pageSize?: number;
  /** How often the resume point is made durable (each commit costs two fsyncs). */
  commitIntervalMs: number;
  notices: string[];
  now: () => Date;
  onProgress?: (rows: number, total: number | null) => void;
  onResume?: (checkpoint: Checkpoint) => void;
};

export type ReportSummary = {
  out: string;
  format: 'csv' | 'json';
  users: number;
  pages: number;
  skippedRows: number;
  resumedAtUser: number | null;
  metaFile: string | null;
  tenant: ReportMeta['tenant'];
};

/** A downloaded page, its text not parsed yet (or why there is none). */
type Settled = { text: string } | { error: unknown };
/** A page as the bytes to append: nothing of its parsed JSON outlives pageChunk(). */
type PageChunk = { bytes: Buffer; rows: number; skipped: number; nextLink: string | null; count: number | null };

/**
 * Streams the tenant's userRegistrationDetails into a CSV or JSON file page by page:
 * one page in memory at a time (the next one is fetched while the current one is
 * written), the partial file and a checkpoint committed as it goes, so a failure at any
 * point loses no user and the next run continues exactly where the last commit left off.
 */
export async function runReport(options: RunReportOptions): Promise<ReportSummary> {
  const unlock = await lockOutput(reportPaths(options.out).lock);
  try {
    return await runLocked(options);
  } finally {
    await unlock();
  }
}

async function runLocked(options: RunReportOptions): Promise<ReportSummary> {
  const paths = reportPaths(options.out);
  const origin = new URL(options.graphBaseUrl).origin;
  const firstUrl = `${options.graphBaseUrl}${registrationDetailsPath}${options.pageSize ? `?$top=${options.pageSize}` : ''}`;

  if (options.restart) {
    await removeIfPresent(paths.checkpoint);
    await removeIfPresent(paths.part);
  }
  const previous = await loadCheckpoint(paths.checkpoint);
  if (previous && previous.format !== options.format.name) {
    throw new CliError(
      `An unfinished ${previous.format.toUpperCase()} report is waiting to be resumed for ${options.out}.`,
      'usage',
      'Run it again with the same --out, or add --restart to start over.',
    );
  }
  if (previous && new URL(previous.source).origin !== origin) {
    throw new CliError(
      `The unfinished report for ${options.out} came from ${new URL(previous.source).origin}, not ${origin}.`,
      'usage',
      'Add --restart to start over against the configured tenant.',
    );
  }

  let state: Checkpoint;
  let handle: FileHandle;
  // A new report's first page downloads while the tenant facts are read and the header committed.
  let firstPage: Promise<Settled> | null = null;
  if (previous) {
    if (previous.nextLink === null && (await exists(paths.out)) && !(await exists(paths.part))) {
      // The last run finished and crashed before removing its checkpoint.
      await removeIfPresent(paths.checkpoint);
      return summaryOf(previous, options, paths.meta, null);
    }
    handle = await openForResume(paths.part, previous.bytesWritten);
    state = previous;
    options.onResume?.(previous);
  } else {
    firstPage = fetchPage(firstUrl, origin, options.fetch);
    const tenant = await fetchTenantFacts(options.graphBaseUrl, options.fetch);
    const meta: ReportMeta = { generatedAt: options.now().toISOString(), source: firstUrl, tenant, notices: options.notices };
    const header = Buffer.from(options.format.header(meta), 'utf8');
    handle = await open(paths.part, 'w', 0o600);
    await handle.write(header, 0, header.length, 0);
    state = {
      version: 1,
      format: options.format.name,
      source: firstUrl,
      nextLink: firstUrl,
      rowsWritten: 0,
      bytesWritten: header.length,
      pagesWritten: 0,
      skippedRows: 0,
      startedAt: meta.generatedAt,
      tenant,
      notices: options.notices,
    };
    await commit(handle, paths.checkpoint, state);
  }
  const resumedAtUser = previous ? previous.rowsWritten + 1 : null;
  // The day the report started: a resumed report keeps deciding every user as of that day.
  const today = calendarDate(new Date(state.startedAt));

  let committedAt = Date.now();
  let total: number | null = null;
  // The page being written (and committed) while the next one is read and formatted.
  let writing: Promise<void> = Promise.resolve();
  const writePage = async (page: PageChunk) => {
    await handle.write(page.bytes, 0, page.bytes.length, state.bytesWritten);
    state = {
      ...state,
      nextLink: page.nextLink,
      rowsWritten: state.rowsWritten + page.rows,
      bytesWritten: state.bytesWritten + page.bytes.length,
      pagesWritten: state.pagesWritten + 1,
      skippedRows: state.skippedRows + page.skipped,
    };
    options.onProgress?.(state.rowsWritten, total);
    if (Date.now() - committedAt >= options.commitIntervalMs) {
      await commit(handle, paths.checkpoint, state);
      committedAt = Date.now();
    }
  };
  try {
    const follow = nextLinkGuard(repeatedNextLink);
    if (state.nextLink) follow(state.nextLink);
    let pending = state.nextLink ? (firstPage ?? fetchPage(state.nextLink, origin, options.fetch)) : null;
    // Rows formatted so far (the JSON array's commas), ahead of the rows written while a write is under way.
    let rowsFormatted = state.rowsWritten;
    const render = (rows: ReportRow[]) => options.format.rows(rows, rowsFormatted);
    // The next page's request, sent with the link read ahead of the parse (next-link-ahead.ts).
    let ahead: { link: string; page: Promise<Settled> } | null = null;
    const next: NextPageRequests = {
      readAhead(link) {
        ahead = link !== null ? { link, page: fetchPage(link, origin, options.fetch) } : null;
        return ahead !== null;
      },
      parsed(link) {
        if (link) follow(link);
        if (ahead !== null && ahead.link === link) {
          pending = ahead.page;
          return false;
        }
        // No link was read ahead, or another one than the parse found: that answer is dropped.
        pending = link ? fetchPage(link, origin, options.fetch) : null;
        return pending !== null;
      },
    };
    while (pending) {
      const page = await pageChunk(await pending, state.tenant, today, render, next);
      rowsFormatted += page.rows;
      if (page.count !== null) total = page.count;
      // One write at a time, in order; this page's starts once the previous one is in the file.
      await writing;
      writing = writePage(page);
      // Awaited above on the next turn or below; a failure meanwhile must not go unhandled.
      writing.catch(() => undefined);
    }
    await writing;
    const footer = Buffer.from(options.format.footer(state.rowsWritten, options.now().toISOString()), 'utf8');
    await handle.write(footer, 0, footer.length, state.bytesWritten);
    await handle.truncate(state.bytesWritten + footer.length);
    await commit(handle, paths.checkpoint, state);
  } catch (error) {
    // Keep everything fully written so far: the next run resumes right after it.
    await writing.catch(() => undefined);
    await commit(handle, paths.checkpoint, state).catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw withResumeHint(error, state, options.out);
  }
  await handle.close();

  await rename(paths.part, paths.out);
  if (options.format.name === 'csv') {
    const meta: ReportMeta & { userCount: number; completedAt: string } = {
      generatedAt: state.startedAt,
      source: state.source,
      tenant: state.tenant,
      notices: state.notices,
      userCount: state.rowsWritten,
      completedAt: options.now().toISOString(),
    };
    await writeFile(paths.meta, `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
  }
  await removeIfPresent(paths.checkpoint);
  return summaryOf(state, options, paths.meta, resumedAtUser);
}

function summaryOf(state: Checkpoint, options: RunReportOptions, meta: string, resumedAtUser: number | null): ReportSummary {
  return {
    out: options.out,
    format: state.format,
    users: state.rowsWritten,
    pages: state.pagesWritten,
    skippedRows: state.skippedRows,
    resumedAtUser,
    metaFile: state.format === 'csv' ? meta : null,
    tenant: state.tenant,
  };
}

async function commit(handle: FileHandle, checkpointPath: string, state: Checkpoint): Promise<void> {
  // Data before the checkpoint that describes it: the file may run ahead, never behind.
  await handle.datasync();
  await writeCheckpoint(checkpointPath, state);
}

async function fetchPage(url: string, origin: string, options: GraphFetchOptions): Promise<Settled> {
  try {
    // The bearer token goes only to the configured Graph host, whatever a nextLink says.
    if (new URL(url).origin !== origin) {
      throw new CliError(`Microsoft Graph sent a next-page link to another host (${new URL(url).host}); stopped.`, 'cli');
    }
    const answer = await getGraphText(url, options);
    if (!answer.ok) throw reportRefused(answer.status, answer.message);
    return { text: answer.text };
  } catch (error) {
    return { error };
  }
}

/**
 * How pageChunk asks for the next page, as early as it can: first with the link read ahead from
 * the text, then with the parsed one. Each says whether it sent a request just then.
 */
type NextPageRequests = {
  readAhead(link: string | null): boolean;
  parsed(link: string | null): boolean;
};

/**
 * Parses a page and formats its users; the parsed objects live only in this call, so they die
 * young. The next page is asked for before the parse and again after it (NextPageRequests).
 */
async function pageChunk(
  settled: Settled,
  tenant: TenantFacts,
  today: string,
  render: (rows: ReportRow[]) => string,
  next: NextPageRequests,
): Promise<PageChunk> {
  if ('error' in settled) throw settled.error;
  if (next.readAhead(nextLinkAhead(settled.text))) await letRequestOut();
  const body = parseGraphJson(settled.text) as { value?: unknown; '@odata.nextLink'?: unknown; '@odata.count'?: unknown } | null;
  if (!Array.isArray(body?.value)) throw new CliError('Microsoft Graph answered without a list of users.', 'cli');
  const nextLink = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
  if (next.parsed(nextLink)) await letRequestOut();
  const rows: ReportRow[] = [];
  let skipped = 0;
  for (const value of body.value as unknown[]) {
    const row = toReportRow(value, tenant, today);
    if (row) rows.push(row);
    else skipped += 1;
  }
  return {
    bytes: Buffer.from(render(rows), 'utf8'),
    rows: rows.length,
    skipped,
    nextLink,
    count: typeof body['@odata.count'] === 'number' ? body['@odata.count'] : null,
  };
}

/**
 * Lets a request just made leave before the CPU-bound work that follows: it waits on a few
 * promise turns (token, middleware), then undici writes it on a reused keep-alive socket only in
 * the event loop's next check phase (setImmediate, its check for a socket the server closed).
 * Two turns of that phase let it go out first; otherwise the Graph host idles a millisecond a page.
 */
async function letRequestOut(): Promise<void> {
  await setImmediate();
  await setImmediate();
}

function reportRefused(status: number, message: string): Error {
  if (status === 403) {
    return new CliError(
      `Microsoft Graph refused the registration report (${message}).`,
      'forbidden',
      'The report needs an account with the Reports Reader, Security Reader or Global Reader role, the AuditLog.Read.All permission, and Entra ID P1 or P2.',
    );
  }
  if (status === 401) {
    return notSignedIn({ graphRefused: message });
  }
  return new CliError(`Microsoft Graph refused the request (${message}).`, 'graph-failed');
}

function withResumeHint(error: unknown, state: Checkpoint, out: string): unknown {
  if (!(error instanceof CliError)) return error;
  if (error.exitCode !== exitCodes.network && error.exitCode !== exitCodes.interrupted) return error;
  const hint =
    `${groupDigits(state.rowsWritten)} users are saved. Run the same command again ` +
    `(m365-connect report --out ${quoteArg(out)}) to resume from user ${groupDigits(state.rowsWritten + 1)}.`;
  return new CliError(error.message, error.code, hint);
}

const quoteArg = (value: string) => (/^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

async function loadCheckpoint(path: string): Promise<Checkpoint | null> {
  try {
    return await readCheckpoint(path);
  } catch (error) {
    throw new CliError(
      `The resume point ${path} cannot be used (${error instanceof Error ? error.message : String(error)}).`,
      'cli',
      'Add --restart to start the report over.',
    );
  }
}

/** Cuts the partial file back to the last committed row; refuses if it lost data since. */
async function openForResume(part: string, committedBytes: number): Promise<FileHandle> {
  const size = await stat(part).then((s) => s.size, () => -1);
  if (size < committedBytes) {
    throw new CliError(
      `The partial report ${part} is shorter than its checkpoint says (${size < 0 ? 'missing' : `${size} < ${committedBytes} bytes`}).`,
      'cli',
      'Add --restart to start the report over.',
    );
  }
  const handle = await open(part, 'r+');
  await handle.truncate(committedBytes);
  return handle;
}

const exists = (path: string) => stat(path).then(() => true, () => false);
