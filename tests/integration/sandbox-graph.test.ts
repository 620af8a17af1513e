import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { deviceCodeToken, graphClient, rawGraph } from './sandbox-test-kit';

const adminScopes = ['User.Read', 'UserAuthenticationMethod.Read', 'Policy.Read.All', 'AuditLog.Read.All'];
const innerErrorShape = { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': expect.any(String), 'client-request-id': 'test-crid' };

describe('Microsoft Graph in the sandbox, read by the real Graph client', () => {
  let sb: Sandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'conditional-access-mfa', deviceCodeIntervalSeconds: 1 });
    token = (await deviceCodeToken(sb, adminScopes)).accessToken;
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('reads every endpoint', async () => {
    const client = graphClient(sb, token);
    const user = sb.scenario.users[0]!;
    const me = await client.api('/me').get();
    expect(me).toMatchObject({ id: user.id, userPrincipalName: user.upn, displayName: user.displayName });
    const methods = await client.api('/me/authentication/methods').get();
    expect(methods.value.map((m: { '@odata.type': string }) => m['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
    ]);
    expect(await client.api('/me/authentication/requirements').version('beta').get()).toMatchObject({ perUserMfaState: 'disabled' });
    expect(await client.api(`/users/${user.upn}/authentication/requirements`).version('beta').get()).toMatchObject({ perUserMfaState: 'disabled' });
    expect(await client.api('/policies/identitySecurityDefaultsEnforcementPolicy').get()).toMatchObject({
      id: '00000000-0000-0000-0000-000000000005',
      displayName: 'Security Defaults',
      isEnabled: false,
    });
    const policies = await client.api('/identity/conditionalAccess/policies').get();
    expect(policies.value[0]).toMatchObject({ state: 'enabled', grantControls: { operator: 'OR', builtInControls: ['mfa'] } });
    const report = await client.api('/reports/authenticationMethods/userRegistrationDetails').get();
    expect(report.value).toHaveLength(100);
    expect(report.value[0]).toMatchObject({ userPrincipalName: user.upn, isMfaRegistered: true, isAdmin: true });
    expect(report['@odata.nextLink']).toMatch(new RegExp(`^${sb.graphBaseUrl}/v1.0/reports/authenticationMethods/userRegistrationDetails\\?`));
    const batch = await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me/authentication/methods' },
        { id: '3', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
        { id: '4', method: 'GET', url: '/identity/conditionalAccess/policies' },
      ],
    });
    expect(batch.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([['1', 200], ['2', 200], ['3', 200], ['4', 200]]);
  });

  it('counts a $batch as one Graph request', async () => {
    sb.resetCounters();
    await graphClient(sb, token)
      .api('/$batch')
      .post({ requests: Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) });
    expect(sb.counters.graphRequests).toBe(1);
    expect(sb.counters.graphBatchItems).toBe(20);
    const tooMany = await rawGraph(sb, '/v1.0/$batch', { token, method: 'POST', body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: 'BadRequest', message: 'Number of requests inside batch exceeds the limit.' } });
  });

  it('pages the registration report with $top and $skiptoken to the end', async () => {
    const client = graphClient(sb, token);
    const seen = new Set<string>();
    let page = await client.api('/reports/authenticationMethods/userRegistrationDetails').top(120).get();
    while (page) {
      for (const row of page.value as { id: string }[]) seen.add(row.id);
      page = page['@odata.nextLink'] ? await client.api(page['@odata.nextLink']).get() : null;
    }
    expect(seen.size).toBe(250); // the default report size: 1 scenario user + 249 generated
  });

  it('answers 401 InvalidAuthenticationToken for a missing, foreign or tampered token', async () => {
    const empty = await rawGraph(sb, '/v1.0/me');
    expect(empty.status).toBe(401);
    expect(empty.body).toEqual({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.', innerError: innerErrorShape } });
    expect(empty.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const outlook = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
    const wrongAudience = await rawGraph(sb, '/v1.0/me', { token: outlook });
    expect(wrongAudience.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' } });
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    expect((await rawGraph(sb, '/v1.0/me', { token: forged })).status).toBe(401);
  });

  it('throttles with 429 + Retry-After when a fault is set, and the client retries', async () => {
    sb.faults.set({ graph: { status: 429, retryAfterSeconds: 7, times: 1 } });
    const throttled = await rawGraph(sb, '/v1.0/me', { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect((await rawGraph(sb, '/v1.0/me', { token })).status).toBe(200);

    sb.faults.set({ graph: { status: 503, retryAfterSeconds: 1, times: 1 } });
    sb.resetCounters();
    const me = await graphClient(sb, token).api('/me').get();
    expect(me.userPrincipalName).toBe(sb.scenario.users[0]!.upn);
    expect(sb.counters.graphRequests).toBe(2);
  });
});

describe('Graph for a user without admin rights', () => {
  it('answers 403 Authorization_RequestDenied on policy reads, in-band inside $batch', async () => {
    const sb = await startSandbox({ scenario: 'non-admin-403', deviceCodeIntervalSeconds: 1 });
    try {
      const token = (await deviceCodeToken(sb, adminScopes)).accessToken;
      const direct = await rawGraph(sb, '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', { token });
      expect(direct.status).toBe(403);
      expect(direct.body).toEqual({
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: innerErrorShape },
      });
      await expect(graphClient(sb, token).api('/me/authentication/requirements').version('beta').get()).rejects.toMatchObject({
        statusCode: 403,
        code: 'Authorization_RequestDenied',
      } satisfies Partial<GraphError>);

      sb.resetCounters();
      const batch = await graphClient(sb, token)
        .api('/$batch')
        .post({
          requests: [
            { id: 'me', method: 'GET', url: '/me' },
            { id: 'methods', method: 'GET', url: '/me/authentication/methods' },
            { id: 'sd', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
            { id: 'ca', method: 'GET', url: '/identity/conditionalAccess/policies' },
            { id: 'report', method: 'GET', url: '/reports/authenticationMethods/userRegistrationDetails' },
          ],
        });
      expect(sb.counters.graphRequests).toBe(1);
      const statuses = Object.fromEntries(batch.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
      expect(statuses).toEqual({ me: 200, methods: 200, sd: 403, ca: 403, report: 403 });
      const sd = batch.responses.find((r: { id: string }) => r.id === 'sd');
      expect(sd.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    } finally {
      await sb.stop();
    }
  });
});

describe('Graph for a large tenant', () => {
  it('serves 100,000 generated users in the registration report, page by page', async () => {
    const sb = await startSandbox({ scenario: 'large-tenant', deviceCodeIntervalSeconds: 1 });
    try {
      const token = (await deviceCodeToken(sb, adminScopes)).accessToken;
      const client = graphClient(sb, token);
      let rows = 0;
      let last: { userPrincipalName: string } | undefined;
      let page = await client.api('/reports/authenticationMethods/userRegistrationDetails').top(999).get();
      while (page) {
        rows += page.value.length;
        last = page.value[page.value.length - 1];
        page = page['@odata.nextLink'] ? await client.api(page['@odata.nextLink']).get() : null;
      }
      expect(rows).toBe(100_000);
      expect(last?.userPrincipalName).toBe('user099999@contoso.onmicrosoft.com');
    } finally {
      await sb.stop();
    }
  });
});

describe('Graph memberships and $select (conditional-access-targeted)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'conditional-access-targeted', deviceCodeIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await sb?.stop();
  });
  const megan = 'megan.bowen@contoso.onmicrosoft.com';
  const globalReader = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

  it('lists nested groups and roles, with only the selected properties', async () => {
    const token = (await deviceCodeToken(sb, ['User.Read', 'RoleManagement.Read.Directory', 'GroupMember.Read.All'], megan)).accessToken;
    const page = await graphClient(sb, token).api('/me/transitiveMemberOf').select(['id', 'roleTemplateId', 'displayName']).get();
    expect(page['@odata.context']).toBe(`${sb.graphBaseUrl}/v1.0/$metadata#directoryObjects(id,roleTemplateId,displayName)`);
    expect(page.value).toEqual([
      { '@odata.type': '#microsoft.graph.group', id: '4a6e8f0b-1c3d-4e5f-9a7b-8c9d0e1f2a3b', displayName: 'Finance' },
      { '@odata.type': '#microsoft.graph.group', id: '5e7f9a1b-2c4d-4e6f-8a0b-1c2d3e4f5a6b', displayName: 'Finance EU' },
      { '@odata.type': '#microsoft.graph.directoryRole', id: expect.any(String), displayName: 'Global Reader', roleTemplateId: globalReader },
    ]);
  });

  it('gives "limited information" (type and id, the rest null) for types the token may not read', async () => {
    const token = (await deviceCodeToken(sb, ['User.Read'], megan)).accessToken;
    const page = await graphClient(sb, token).api('/me/transitiveMemberOf').select(['id', 'roleTemplateId', 'displayName']).get();
    expect(page.value.map((entry: Record<string, unknown>) => entry['displayName'])).toEqual([null, null, null]);
    expect(page.value[2]).toMatchObject({ '@odata.type': '#microsoft.graph.directoryRole', roleTemplateId: null });
    expect(page.value[0].id).toBe('4a6e8f0b-1c3d-4e5f-9a7b-8c9d0e1f2a3b');
  });

  it('pages memberships with $top and follows @odata.nextLink, keeping $select', async () => {
    const token = (await deviceCodeToken(sb, ['User.Read', 'RoleManagement.Read.Directory'], megan)).accessToken;
    const first = await graphClient(sb, token).api('/me/transitiveMemberOf').select('id,roleTemplateId').top(2).get();
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toMatch(/\$select=id,roleTemplateId/);
    const second = await graphClient(sb, token).api(first['@odata.nextLink']).get();
    expect(second.value).toEqual([{ '@odata.type': '#microsoft.graph.directoryRole', id: expect.any(String), roleTemplateId: globalReader }]);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('honours $select on /me, and answers 400 for a property the type does not have', async () => {
    const token = (await deviceCodeToken(sb, ['User.Read'], megan)).accessToken;
    const me = await graphClient(sb, token).api('/me').select('id,userPrincipalName').get();
    expect(me).toEqual({ '@odata.context': `${sb.graphBaseUrl}/v1.0/$metadata#users(id,userPrincipalName)/$entity`, id: expect.any(String), userPrincipalName: megan });
    const bad = await rawGraph(sb, '/v1.0/me?$select=id,userPrincipleName', { token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'BadRequest', message: "Parsing OData Select and Expand failed: Could not find a property named 'userPrincipleName' on type 'microsoft.graph.user'." } });
  });

  it('grants `.default` exactly the app registration\'s permissions (no Directory.Read.All)', async () => {
    const result = await deviceCodeToken(sb, ['https://graph.microsoft.com/.default'], megan);
    const granted = result.scopes.map((scope) => scope.toLowerCase()).filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope));
    expect(granted.sort()).toEqual(
      ['User.Read', 'UserAuthenticationMethod.Read', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'AuditLog.Read.All'].map((s) => s.toLowerCase()).sort(),
    );
  });
});
