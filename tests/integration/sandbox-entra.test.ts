import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { fetch } from 'undici';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { conditionalAccessPolicySchema } from '../../sandbox/scenario/schema';
import { deviceCodeToken, jwtClaims, msalFor, pkcePair, rawAuthorize, redeemCode, trustedDispatcher } from './sandbox-test-kit';

const graphScopes = ['User.Read', 'UserAuthenticationMethod.Read', 'Policy.Read.All'];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('Entra ID v2 in the sandbox, driven by the real msal-node', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'ready-user', deviceCodeIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('serves discovery for the tenant id, its domain and the organizations/common aliases', async () => {
    const dispatcher = trustedDispatcher(sb);
    for (const tenant of [sb.tenantId, sb.scenario.tenant.domain, 'organizations', 'common']) {
      const response = await fetch(`${sb.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`, { dispatcher });
      const body = (await response.json()) as Record<string, string>;
      expect(response.status).toBe(200);
      expect(body['token_endpoint']).toBe(`${sb.authorityHost}/${tenant}/oauth2/v2.0/token`);
      expect(body['issuer']).toBe(tenant === 'organizations' || tenant === 'common' ? `${sb.authorityHost}/{tenantid}/v2.0` : `${sb.authority}/v2.0`);
    }
    const unknown = await fetch(`${sb.authorityHost}/contoso-nope.example/v2.0/.well-known/openid-configuration`, { dispatcher });
    const body = (await unknown.json()) as Record<string, unknown>;
    expect(unknown.status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
    expect(String(body['error_description'])).toMatch(/^AADSTS90002: Tenant 'contoso-nope.example' not found/);
    for (const key of ['timestamp', 'trace_id', 'correlation_id']) expect(typeof body[key]).toBe('string');
  });

  it('completes interactive loopback sign-in with PKCE, form_post and MFA in Chromium', async () => {
    const pca = msalFor(sb);
    const user = sb.scenario.users[0]!;
    let authorizeUrl = '';
    const token = pca.acquireTokenInteractive({ scopes: graphScopes, openBrowser: async (url) => void (authorizeUrl = url) });
    await expect.poll(() => authorizeUrl).not.toBe('');
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('response_mode')).toBe('form_post');
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(authorizeUrl);
    await sb.completeSignIn(page, { upn: user.upn, password: user.password });
    const result = await token;
    await context.close();
    expect(result.account?.homeAccountId).toBe(`${user.id}.${sb.tenantId}`);
    expect(result.account?.username).toBe(user.upn);
    expect(result.idTokenClaims).toMatchObject({ tid: sb.tenantId, oid: user.id, preferred_username: user.upn, amr: ['pwd', 'mfa'], aud: sb.clientId });
    expect(jwtClaims(result.accessToken)).toMatchObject({ aud: 'https://graph.microsoft.com', upn: user.upn, scp: expect.stringContaining('Policy.Read.All') });

    // Silent: the cached token first, then the refresh-token grant for another resource.
    sb.resetCounters();
    const cached = await pca.acquireTokenSilent({ account: result.account!, scopes: graphScopes });
    expect(cached.accessToken).toBe(result.accessToken);
    expect(sb.counters.tokenRequests).toBe(0);
    const smtp = await pca.acquireTokenSilent({ account: result.account!, scopes: ['https://outlook.office.com/SMTP.Send'] });
    expect(sb.counters.tokenRequests).toBe(1);
    expect(jwtClaims(smtp.accessToken)).toMatchObject({ aud: 'https://outlook.office.com', scp: 'SMTP.Send' });
  });

  it('completes device-code sign-in typed into the device login page', async () => {
    const pca = msalFor(sb);
    const user = sb.scenario.users[0]!;
    let userCode = '';
    let message = '';
    const token = pca.acquireTokenByDeviceCode({
      scopes: ['User.Read'],
      deviceCodeCallback: (response) => {
        userCode = response.userCode;
        message = response.message;
      },
    });
    await expect.poll(() => userCode).not.toBe('');
    expect(message).toContain(sb.deviceLoginUrl);
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await sb.completeDeviceSignIn(page, { userCode, upn: user.upn, password: user.password });
    expect(await page.textContent('body')).toContain('You have signed in to the M365 Connect application on your device.');
    await context.close();
    const result = await token;
    if (!result) throw new Error('MSAL returned no device-code result');
    expect(result.account?.homeAccountId).toBe(`${user.id}.${sb.tenantId}`);
    // forceRefresh makes MSAL use the refresh token grant.
    const refreshed = await pca.acquireTokenSilent({ account: result.account!, scopes: ['User.Read'], forceRefresh: true });
    expect(refreshed.accessToken).not.toBe(result.accessToken);
  });

  it('answers authorization_pending while the user has not signed in, then expired_token', async () => {
    const dispatcher = trustedDispatcher(sb);
    const started = await fetch(`${sb.authority}/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: sb.clientId, scope: 'User.Read offline_access' }), dispatcher });
    const device = (await started.json()) as Record<string, string | number>;
    expect(device).toMatchObject({ verification_uri: sb.deviceLoginUrl, expires_in: 900, interval: 1 });
    const poll = await redeemCode(sb, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: String(device['device_code']) });
    expect(poll.status).toBe(400);
    expect(poll.body).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    expect(String(poll.body['error_description'])).toMatch(/^AADSTS70016: /);
    sb.expireDeviceCodes();
    const expired = await redeemCode(sb, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: String(device['device_code']) });
    expect(expired.body).toMatchObject({ error: 'expired_token', error_codes: [70020] });
  });

  it('shows the password and MFA errors on the page, like Entra', async () => {
    const user = sb.scenario.users[0]!;
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const query = new URLSearchParams({ client_id: sb.clientId, response_type: 'code', redirect_uri: 'http://localhost:1/', scope: 'User.Read' });
    await page.goto(`${sb.authority}/oauth2/v2.0/authorize?${query}`);
    expect(await sb.trySignIn(page, { upn: user.upn, password: 'not-the-password' })).toBe('password-rejected');
    await page.goto(`${sb.authority}/oauth2/v2.0/authorize?${query}`);
    expect(await sb.trySignIn(page, { upn: user.upn, password: user.password, mfaCode: '000000' })).toBe('mfa-rejected');
    await context.close();
  });

  it('checks the PKCE verifier, the redirect URI and single use of the code', async () => {
    const { verifier, challenge } = pkcePair();
    const { location } = await rawAuthorize(sb, { scope: 'User.Read openid offline_access', challenge });
    const code = location?.searchParams.get('code');
    expect(location?.searchParams.get('state')).toBe('state-123');
    expect(code).toBeTruthy();
    const base = { grant_type: 'authorization_code', code: code!, redirect_uri: 'http://localhost:5173/' };
    const wrong = await redeemCode(sb, { ...base, code_verifier: pkcePair().verifier });
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const good = await redeemCode(sb, { ...base, code_verifier: verifier });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(jwtClaims(String(good.body['id_token']))).toMatchObject({ nonce: 'nonce-456' });
    const again = await redeemCode(sb, { ...base, code_verifier: verifier });
    expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('rejects an unknown client id with AADSTS700016', async () => {
    const response = await fetch(`${sb.authority}/oauth2/v2.0/devicecode`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: '11111111-2222-3333-4444-555555555555', scope: 'User.Read' }),
      dispatcher: trustedDispatcher(sb),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });
});

describe('Entra policy answers chosen by the scenario', () => {
  it('grants a non-admin only the scopes a user can consent to', async () => {
    const sb = await startSandbox({ scenario: 'non-admin-403', deviceCodeIntervalSeconds: 1 });
    try {
      const result = await deviceCodeToken(sb, graphScopes);
      const scp = String(jwtClaims(result.accessToken)['scp']).split(' ');
      expect(scp).toEqual(expect.arrayContaining(['User.Read', 'UserAuthenticationMethod.Read']));
      expect(scp).not.toContain('Policy.Read.All');
    } finally {
      await sb.stop();
    }
  });

  it('answers AADSTS65001 when the scenario requires admin consent', async () => {
    const sb = await startSandbox({ scenario: 'consent-required' });
    try {
      const { location } = await rawAuthorize(sb, { scope: 'User.Read Policy.Read.All' });
      expect(location?.searchParams.get('error')).toBe('consent_required');
      expect(location?.searchParams.get('error_description')).toMatch(/^AADSTS65001: /);
      expect(location?.searchParams.get('state')).toBe('state-123');
    } finally {
      await sb.stop();
    }
  });

  it('redirects AADSTS53003 to the app when Conditional Access blocks the sign-in', async () => {
    const sb = await startSandbox({ scenario: 'conditional-access-blocked' });
    try {
      const { location } = await rawAuthorize(sb, { scope: 'User.Read' });
      expect(location?.origin).toBe('http://localhost:5173');
      expect(location?.searchParams.get('error')).toBe('access_denied');
      expect(location?.searchParams.get('error_description')).toMatch(/^AADSTS53003: Access has been blocked by Conditional Access policies/);
    } finally {
      await sb.stop();
    }
  });

  it('answers AADSTS700082 / 50173 for refresh tokens aged or revoked by the test controls, and issues shorter tokens on request', async () => {
    const sb = await startSandbox({ scenario: 'mfa-not-enabled', imap: { enabled: false } });
    try {
      const { location } = await rawAuthorize(sb, { scope: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access openid' });
      const tokens = await redeemCode(sb, { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: 'http://localhost:5173/' });
      const refreshToken = String(tokens.body['refresh_token']);
      sb.setAccessTokenLifetime(120);
      const refreshed = await redeemCode(sb, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' });
      expect(refreshed.body).toMatchObject({ expires_in: 120, scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' });
      const claims = jwtClaims(String(refreshed.body['access_token']));
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(120);

      sb.expireRefreshTokens(sb.scenario.users[0]!.upn);
      const inactive = await redeemCode(sb, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' });
      expect(inactive.body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
      expect(String(inactive.body['error_description'])).toMatch(/^AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on .* and was inactive for 90\.00:00:00\./);

      sb.revokeSessions(sb.scenario.users[0]!.upn);
      const revoked = await redeemCode(sb, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' });
      expect(revoked.status).toBe(400);
      expect(revoked.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
      expect(String(revoked.body['error_description'])).toMatch(/^AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed\. .*The grant was issued on '\d{4}-\d\d-\d\dT[\d:.]+Z' and the TokensValidFrom date/);
      // A refresh token the sandbox never issued is still "malformed", not revoked.
      const unknown = await redeemCode(sb, { grant_type: 'refresh_token', refresh_token: '1.not-issued', scope: 'User.Read' });
      expect(unknown.body).toMatchObject({ error_codes: [9002313] });
    } finally {
      await sb.stop();
    }
  });

  it('refuses a refresh with AADSTS50076 once MFA becomes required', async () => {
    const sb = await startSandbox({ scenario: 'mfa-not-enabled' });
    try {
      const { location } = await rawAuthorize(sb, { scope: 'User.Read offline_access openid' });
      const tokens = await redeemCode(sb, { grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: 'http://localhost:5173/' });
      expect(jwtClaims(String(tokens.body['id_token']))['amr']).toEqual(['pwd']);
      // The user registers the Authenticator app, then the admin turns on a Conditional
      // Access MFA policy (the scenario's tenant settings and sb.user() are live).
      sb.user(sb.scenario.users[0]!.upn).methods.push('microsoftAuthenticator');
      sb.scenario.tenant.conditionalAccessPolicies.push(
        conditionalAccessPolicySchema.parse({ id: '00000000-1111-2222-3333-444444444444', displayName: 'MFA', includeUsers: ['All'], builtInControls: ['mfa'] }),
      );
      const refresh = await redeemCode(sb, { grant_type: 'refresh_token', refresh_token: String(tokens.body['refresh_token']), scope: 'https://outlook.office.com/SMTP.Send' });
      expect(refresh.status).toBe(400);
      expect(refresh.body).toMatchObject({ error: 'invalid_grant', error_codes: [50076], suberror: 'basic_action' });
      expect(String(refresh.body['error_description'])).toMatch(/^AADSTS50076: Due to a configuration change made by your administrator.*'00000002-0000-0ff1-ce00-000000000000'/);
    } finally {
      await sb.stop();
    }
  });
});
