import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small paging Graph for the report's unit tests (the sandbox serves the real shapes in
 * the integration tests). Users are generated from their index, so any page can be served
 * without holding the tenant in memory.
 */
export type FakeGraphFault =
  | { kind: 'status'; status: number; retryAfter?: string; times: number }
  | { kind: 'drop'; times: number };

export type FakeGraph = {
  baseUrl: string;
  requests: string[];
  /** Faults apply to report pages only, from the next request on. */
  fault(fault: FakeGraphFault | null): void;
  /** Fires once the given number of report pages has been served. */
  afterPages(count: number, run: () => void): void;
  close(): Promise<void>;
};

export const fakeUser = (index: number) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  userPrincipalName: `user${index}@contoso.example`,
  userDisplayName: index % 7 === 0 ? `Doe, "Jo" ${index}` : index % 11 === 0 ? `=HYPERLINK("x") ${index}` : `User ${index}`,
  userType: 'member',
  isAdmin: index === 0,
  isMfaRegistered: index % 3 !== 0,
  isMfaCapable: index % 3 !== 0,
  isPasswordlessCapable: false,
  methodsRegistered: index % 3 === 0 ? [] : ['microsoftAuthenticatorPush', 'mobilePhone'],
  userPreferredMethodForSecondaryAuthentication: index % 3 === 0 ? 'none' : 'push',
  lastUpdatedDateTime: '2026-11-01T00:00:00Z',
});

export async function startFakeGraph(options: {
  users: number;
  pageSize: number;
  securityDefaults?: boolean | 403;
  caPolicies?: unknown[] | 403;
  reportStatus?: number;
  foreignNextLink?: string;
  /** Put `@odata.nextLink` before `value`, where Graph itself writes it (default: after). */
  nextLinkFirst?: boolean;
  /** Give each page's first user a nested `@odata.nextLink` to `/v1.0/decoy`, ahead of the page's own. */
  decoyNextLink?: boolean;
}): Promise<FakeGraph> {
  const requests: string[] = [];
  let fault: FakeGraphFault | null = null;
  let pagesServed = 0;
  const watchers: { count: number; run: () => void }[] = [];

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    if (req.headers.authorization !== 'Bearer test-token') return json(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (url.pathname === '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy') {
      if (options.securityDefaults === 403) return json(res, 403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } });
      return json(res, 200, { id: '00000000-0000-0000-0000-000000000005', isEnabled: options.securityDefaults ?? false });
    }
    if (url.pathname === '/v1.0/identity/conditionalAccess/policies') {
      if (options.caPolicies === 403) return json(res, 403, { error: { code: 'AccessDenied' } });
      return json(res, 200, { value: options.caPolicies ?? [] });
    }
    if (url.pathname !== '/v1.0/reports/authenticationMethods/userRegistrationDetails') return json(res, 404, {});
    if (options.reportStatus) return json(res, options.reportStatus, { error: { code: 'Forbidden', message: 'no role' } });
    if (fault && fault.times > 0) {
      fault.times -= 1;
      if (fault.kind === 'drop') return req.socket.destroy();
      return json(res, fault.status, { error: { code: 'busy' } }, fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
    }
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const top = Number(url.searchParams.get('$top') ?? options.pageSize);
    const end = Math.min(options.users, skip + top);
    const own = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const value: Record<string, unknown>[] = [];
    for (let i = skip; i < end; i += 1) value.push(fakeUser(i));
    if (options.decoyNextLink && value[0]) value[0] = { ...value[0], manager: { '@odata.nextLink': `${own}/v1.0/decoy?after=${skip}` } };
    const base = options.foreignNextLink ?? own;
    const next = end < options.users ? `${base}${url.pathname}?$top=${top}&$skiptoken=${end}` : undefined;
    const link = next ? { '@odata.nextLink': next } : {};
    json(res, 200, options.nextLinkFirst ? { ...link, value } : { value, ...link });
    pagesServed += 1;
    for (const watcher of watchers.splice(0)) {
      if (pagesServed >= watcher.count) watcher.run();
      else watchers.push(watcher);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    fault(next) {
      fault = next;
    },
    afterPages(count, run) {
      watchers.push({ count, run });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
