import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-errors';
import { csvFormat } from '../../src/cli/report/formats';
import { getGraphJson } from '../../src/cli/report/graph-fetch';
import { runReport } from '../../src/cli/report/run-report';
import { gatherReadinessFacts } from '../../src/main/graph';
import { AppError } from '../../src/shared/ipc/app-error';
import { securityLog } from './support/security-log';

/**
 * A hostile "Graph": bodies that never end, a declared multi-gigabyte page, and next-page
 * links that point back. The app must stop at its size limit without buffering the flood,
 * must not download a too-large answer again on retry, and must not page forever.
 */
type Route = (req: IncomingMessage, res: ServerResponse, base: string) => void;
let server: Server | null = null;
let requests = 0;
let bytesSent = 0;
const dispatcher = new Agent();
const log = securityLog('graph-bounded-input', 8.5);
afterAll(() => log.flush());

async function start(route: Route): Promise<string> {
  requests = 0;
  bytesSent = 0;
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    route(req, res, base);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** Writes 1 MB chunks for as long as the client keeps reading (a /dev/zero over HTTP). */
const endless: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  res.write('{"responses":[');
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) bytesSent += chunk.length;
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
};

const fastRetry = { maxRetries: 2, retryBaseMs: 1 };

describe('Graph answers are read within a size limit', () => {
  it('an endless $batch answer fails fast with a clear error, read once, and never buffered whole', async () => {
    const base = await start(endless);
    const failure = await gatherReadinessFacts({
      graphBaseUrl: base,
      accessToken: 't',
      userId: null,
      dispatcher,
      retry: { maxAttempts: 3, maxWaitMs: 1_000, defaultWaitMs: 1, sleep: async () => undefined },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'graph-failed', message: expect.stringMatching(/larger than 32 MB/) });
    expect(requests).toBe(1);
    // The server could only push what the socket buffers held beyond the limit, not gigabytes.
    expect(bytesSent).toBeLessThan(256 * 1024 * 1024);
  });

  it('a report page that declares 2.3 GB is refused before its body is read, and not fetched again', async () => {
    const base = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2_300_000_000) });
      res.write('{"value":[');
    });
    const failure = await getGraphJson(`${base}/beta/reports/x`, { dispatcher, token: async () => 't', ...fastRetry }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({ code: 'graph-failed', message: expect.stringMatching(/larger than 32 MB/) });
    expect(requests).toBe(1);
  });

  it('an endless report page stops at the configured limit and is not downloaded again on retry', async () => {
    const base = await start(endless);
    const failure = await getGraphJson(`${base}/beta/reports/x`, {
      dispatcher,
      token: async () => 't',
      ...fastRetry,
      maxBodyBytes: 4 * 1024 * 1024,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'graph-failed', message: expect.stringMatching(/larger than 4 MB/) });
    expect(requests).toBe(1);
  });
});

describe('next-page links that loop', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  const reportAgainst = async (base: string) => {
    dir = await mkdtemp(join(tmpdir(), 'report-loop-'));
    return runReport({
      out: join(dir, 'mfa.csv'),
      format: csvFormat,
      graphBaseUrl: base,
      fetch: { dispatcher, token: async () => 't', ...fastRetry },
      restart: false,
      commitIntervalMs: 0,
      notices: [],
      now: () => new Date('2026-11-22T10:00:00Z'),
    }).catch((error: unknown) => error);
  };

  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  it('a users page whose nextLink points back at an earlier page stops the report with a clear error', async () => {
    const base = await start((req, res, origin) => {
      const url = req.url ?? '';
      if (url.includes('identitySecurityDefaultsEnforcementPolicy')) return json(res, { isEnabled: false });
      if (url.includes('conditionalAccess/policies')) return json(res, { value: [] });
      // Page 1 -> page 2 -> page 1 again.
      const next = url.includes('page=2') ? `${origin}/beta/reports/authenticationMethods/userRegistrationDetails?page=1` : `${origin}/beta/reports/authenticationMethods/userRegistrationDetails?page=2`;
      return json(res, { value: [], '@odata.nextLink': next });
    });
    const failure = await reportAgainst(base);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as Error).message).toMatch(/next-page link it had already sent/);
    expect(requests).toBeLessThan(10);
  });

  it('a Conditional Access list whose nextLink points at itself does not loop either', async () => {
    const base = await start((req, res, origin) => {
      const url = req.url ?? '';
      if (url.includes('identitySecurityDefaultsEnforcementPolicy')) return json(res, { isEnabled: false });
      return json(res, { value: [], '@odata.nextLink': `${origin}/v1.0/identity/conditionalAccess/policies` });
    });
    const failure = await reportAgainst(base);
    expect((failure as Error).message).toMatch(/next-page link it had already sent/);
    expect(requests).toBeLessThan(10);
    log.passed({
      area: 'Graph',
      tried: 'hostile Graph answers: an endless $batch body, a report page declaring 2.3 GB, an endless report page, next-page links that point back (users report and Conditional Access list)',
      cases: 5,
      held: 'each stopped at the size limit (32 MB by default) with a typed graph-failed error, read once and never fetched again; a repeated nextLink stops the report with a clear error',
    });
  });
});
