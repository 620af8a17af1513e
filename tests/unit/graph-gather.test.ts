import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, createTrust } from '../../src/main/net/trust';
import { factsFromBatch, gatherReadinessFacts, readinessBatch, parseRetryAfter } from '../../src/main/graph';
import { AppError } from '../../src/shared/ipc/app-error';

/**
 * A local HTTPS "Graph" that answers $batch with per-item responses the test chooses, and
 * counts every HTTP request; its certificate is trusted only through extraCaFile.
 */
type Item = { status: number; body?: unknown; headers?: Record<string, string> };
type Outer = { status: number; headers?: Record<string, string> };
const userId = 'aaaaaaaa-0000-4000-8000-000000000001';

let server: Server;
let baseUrl: string;
let caFile: string;
let requests: { method: string; url: string; auth: string | undefined; body: { requests: { id: string; url: string; method: string }[] } }[] = [];
let answer: (id: string, call: number) => Item;
let outer: Outer[] = [];
let calls = 0;

const okItems: Record<string, Item> = {
  me: { status: 200, body: { id: userId, userPrincipalName: 'adele@contoso.com', displayName: 'Adele' } },
  methods: {
    status: 200,
    body: { value: [{ '@odata.type': '#microsoft.graph.passwordAuthenticationMethod' }, { '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' }] },
  },
  requirements: { status: 200, body: { perUserMfaState: 'enforced' } },
  securityDefaults: { status: 200, body: { id: '00000000-0000-0000-0000-000000000005', isEnabled: false } },
  conditionalAccess: { status: 200, body: { value: [] } },
  memberOf: { status: 200, body: { value: [] } },
};
const forbidden: Item = { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } } };

beforeAll(async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const dir = await mkdtemp(join(tmpdir(), 'm365-graph-'));
  caFile = join(dir, 'ca.pem');
  await writeFile(caFile, pems.cert);
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : { requests: [] };
      requests.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      calls += 1;
      const forced = outer.shift();
      if (forced) {
        res.writeHead(forced.status, { 'content-type': 'application/json', ...forced.headers });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }));
        return;
      }
      const responses = (body.requests as { id: string }[]).map(({ id }) => ({ id, ...answer(id, calls) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ responses }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
  outer = [];
  calls = 0;
  answer = (id) => okItems[id] ?? { status: 404 };
});

const sleeps: number[] = [];
const gather = (retry?: { maxAttempts: number; maxWaitMs: number; defaultWaitMs: number }) =>
  gatherReadinessFacts({
    graphBaseUrl: baseUrl,
    accessToken: 'test-access-token',
    userId,
    dispatcher: createDispatcher(createTrust(caFile)),
    retry: {
      ...(retry ?? { maxAttempts: 3, maxWaitMs: 30_000, defaultWaitMs: 1_000 }),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });

describe('readiness gather: one $batch round trip', () => {
  it('posts every request in ONE beta $batch with the bearer token, and reads the facts', async () => {
    const gathered = await gather();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/beta/$batch', auth: 'Bearer test-access-token' });
    expect(requests[0]?.body.requests.map((r) => r.url)).toEqual(readinessBatch.map((r) => r.url));
    expect(gathered).toEqual({
      user: { id: userId, upn: 'adele@contoso.com', displayName: 'Adele' },
      facts: { perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: false, methods: ['password', 'microsoftAuthenticator'] },
      unknownWhy: {},
      conditionalAccess: {
        appPassword: { outcome: 'clear', findings: [] },
        oauth: { outcome: 'clear', findings: [] },
        signInFrequency: null,
      },
    });
  });

  it('refuses an untrusted certificate when no extra CA is configured', async () => {
    const attempt = gatherReadinessFacts({
      graphBaseUrl: baseUrl,
      accessToken: 't',
      userId,
      dispatcher: createDispatcher(createTrust(null)),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'network' });
  });

  it('a plain user: 403 on policies makes those facts unknown, with the reason', async () => {
    answer = (id) => (['requirements', 'securityDefaults', 'conditionalAccess'].includes(id) ? forbidden : okItems[id]!);
    const gathered = await gather();
    expect(requests).toHaveLength(1);
    expect(gathered.facts).toEqual({ perUserMfa: 'unknown', securityDefaults: 'unknown', conditionalAccessMfa: 'unknown', methods: ['password', 'microsoftAuthenticator'] });
    expect(gathered.unknownWhy.perUserMfa).toMatch(/refused to show your per-user MFA state \(Authorization_RequestDenied\): it needs the Policy\.Read\.All permission/);
    expect(Object.keys(gathered.unknownWhy).sort()).toEqual(['conditionalAccessMfa', 'perUserMfa', 'securityDefaults']);
  });

  it('every item failing still gives facts (all unknown), never a crash', async () => {
    answer = () => ({ status: 500, body: { error: { code: 'InternalServerError' } } });
    const gathered = await gather();
    expect(gathered.facts).toEqual({ perUserMfa: 'unknown', securityDefaults: 'unknown', conditionalAccessMfa: 'unknown', methods: 'unknown' });
    expect(gathered.user).toEqual({ id: userId, upn: null, displayName: null });
    expect(gathered.unknownWhy.methods).toMatch(/HTTP 500/);
  });

  it('a malformed item body is unknown, not a guess', async () => {
    answer = (id) => (id === 'requirements' ? { status: 200, body: { perUserMfaState: 'sometimes' } } : okItems[id]!);
    expect((await gather()).facts.perUserMfa).toBe('unknown');
  });

  it('retries the whole batch on 429 honouring Retry-After, then succeeds', async () => {
    sleeps.length = 0;
    outer = [{ status: 429, headers: { 'retry-after': '2' } }, { status: 503, headers: { 'retry-after': '1' } }];
    const gathered = await gather();
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([2000, 1000]);
    expect(gathered.facts.perUserMfa).toBe('enforced');
  });

  it('gives up after the bounded attempts with a clear typed error', async () => {
    outer = [429, 429, 429, 429].map((status) => ({ status, headers: { 'retry-after': '3' } }));
    const error = await gather().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'graph-failed', message: expect.stringMatching(/busy \(HTTP 429\)/), nextStep: 'Run the check again in 3 seconds.' });
    expect(requests).toHaveLength(3);
  });

  it('says "in 1 second", not "in 1 seconds"', async () => {
    outer = [429, 429, 429, 429].map((status) => ({ status, headers: { 'retry-after': '1' } }));
    const error = await gather().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'graph-failed', nextStep: 'Run the check again in 1 second.' });
  });

  it('does not wait longer than the bound: a huge Retry-After fails at once', async () => {
    sleeps.length = 0;
    outer = [{ status: 503, headers: { 'retry-after': '3600' } }];
    await expect(gather()).rejects.toMatchObject({ code: 'graph-failed' });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('re-asks only the items Graph throttled inside the batch', async () => {
    sleeps.length = 0;
    answer = (id, call) =>
      id === 'conditionalAccess' && call === 1 ? { status: 429, headers: { 'Retry-After': '4' } } : okItems[id]!;
    const gathered = await gather();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body.requests.map((r) => r.id)).toEqual(['conditionalAccess']);
    expect(sleeps).toEqual([4000]);
    expect(gathered.facts.conditionalAccessMfa).toBe(false);
  });

  it('an item still throttled after the budget is unknown with the reason', async () => {
    answer = (id) => (id === 'securityDefaults' ? { status: 503 } : okItems[id]!);
    const gathered = await gather({ maxAttempts: 2, maxWaitMs: 10_000, defaultWaitMs: 10 });
    expect(requests).toHaveLength(2);
    expect(gathered.facts.securityDefaults).toBe('unknown');
    expect(gathered.unknownWhy.securityDefaults).toMatch(/too busy .*\(HTTP 503\)/);
  });

  it('a 401 on the batch itself means sign in again', async () => {
    outer = [{ status: 401 }];
    await expect(gather()).rejects.toMatchObject({ code: 'not-signed-in' });
  });
});

describe('Retry-After parsing', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('Conditional Access targeting read from /me/transitiveMemberOf', () => {
  const globalAdmin = '62e90394-69f5-4237-9190-012177145e10';
  const policy = (users: Record<string, string[]>) => ({
    status: 200,
    body: {
      value: [
        {
          id: 'a7c1e2d3-0000-4000-8000-000000000001',
          displayName: 'Require MFA',
          state: 'enabled',
          grantControls: { operator: 'OR', builtInControls: ['mfa'], authenticationStrength: null },
          conditions: {
            clientAppTypes: ['all'],
            applications: { includeApplications: ['All'], excludeApplications: [] },
            users: { includeUsers: [], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], ...users },
          },
        },
      ],
    },
  });
  const group = (id: string) => ({ '@odata.type': '#microsoft.graph.group', id });
  const role = (templateId: string | null) => ({ '@odata.type': '#microsoft.graph.directoryRole', id: 'b1d0c6a4-7e1f-4d7c-9a51-3c2f1e0d9b8a', roleTemplateId: templateId });
  const decide = (users: Record<string, string[]>, memberships: unknown[]) => {
    const items = Object.entries({ ...okItems, conditionalAccess: policy(users), memberOf: { status: 200, body: { value: memberships } } }).map(([id, item]) => ({ id, ...item }));
    return factsFromBatch(items, userId);
  };

  it('matches a role by its template id, in any letter case', () => {
    expect(decide({ includeRoles: [globalAdmin.toUpperCase()] }, [role(globalAdmin)]).facts.conditionalAccessMfa).toBe(true);
  });

  it('a role listed with "limited information" (template id null) leaves role policies unknown, and says why', () => {
    const result = decide({ includeRoles: [globalAdmin] }, [role(null)]);
    expect(result.facts.conditionalAccessMfa).toBe('unknown');
    expect(result.unknownWhy.conditionalAccessMfa).toMatch(/"Require MFA" requires MFA and may cover you: it targets directory roles and Graph did not name your directory roles \(the app registration lacks the RoleManagement.Read.Directory permission\)/);
  });

  it('never mistakes a role for a group, nor an administrative unit for either', () => {
    const roleObjectId = role(null).id;
    expect(decide({ includeGroups: [roleObjectId] }, [role(null), group('d3f1a2b4-0000-4000-8000-00000000000a')]).facts.conditionalAccessMfa).toBe(false);
    const unit = { '@odata.type': '#microsoft.graph.administrativeUnit', id: 'e3f1a2b4-0000-4000-8000-00000000000b' };
    expect(decide({ includeGroups: [unit.id] }, [unit]).facts.conditionalAccessMfa).toBe(false);
  });

  it('groups with only type and id are enough to decide a group policy', () => {
    expect(decide({ includeGroups: ['D3F1A2B4-0000-4000-8000-00000000000A'] }, [group('d3f1a2b4-0000-4000-8000-00000000000a'), role(null)]).facts.conditionalAccessMfa).toBe(true);
  });
});
