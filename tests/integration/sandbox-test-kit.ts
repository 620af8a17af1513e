import { createHash, randomBytes } from 'node:crypto';
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { fetch, type Agent } from 'undici';
import { sandboxDispatcher, sandboxMsalNetwork } from '../../sandbox/client-trust';
import type { Sandbox } from '../../sandbox/index';

/** Shared by the sandbox-*.test.ts files: real clients that trust only the sandbox CA. */
export function trustedDispatcher(sb: Sandbox): Agent {
  return sandboxDispatcher(sb.caPem);
}

export function msalFor(sb: Sandbox, dispatcher = trustedDispatcher(sb)): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: sb.clientId, authority: sb.authority, knownAuthorities: [new URL(sb.authorityHost).host] },
    system: { networkClient: sandboxMsalNetwork(dispatcher) },
  });
}

/** Real MSAL device-code flow; the code is approved programmatically as `upn`. */
export async function deviceCodeToken(sb: Sandbox, scopes: string[], upn = sb.scenario.users[0]!.upn, pca = msalFor(sb)): Promise<AuthenticationResult> {
  const result = await pca.acquireTokenByDeviceCode({
    scopes,
    deviceCodeCallback: (response) => {
      setTimeout(() => sb.approveDeviceCode(response.userCode, upn), 50);
    },
  });
  if (!result) throw new Error('no token');
  return result;
}

export function graphClient(sb: Sandbox, accessToken: string, dispatcher = trustedDispatcher(sb)): Client {
  return Client.init({
    baseUrl: sb.graphBaseUrl,
    customHosts: new Set([new URL(sb.graphBaseUrl).hostname]),
    fetchOptions: { dispatcher } as RequestInit,
    authProvider: (done) => done(null, accessToken),
  });
}

export async function rawGraph(sb: Sandbox, path: string, init: { token?: string; method?: string; body?: unknown } = {}) {
  const response = await fetch(`${sb.graphBaseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), 'Content-Type': 'application/json', 'client-request-id': 'test-crid' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    dispatcher: trustedDispatcher(sb),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Walks the authorize endpoint and the sign-in pages over plain HTTP (no browser) and returns
 * where Entra sent the browser: the loopback redirect with ?code=... or ?error=...
 */
export async function rawAuthorize(
  sb: Sandbox,
  options: { scope: string; upn?: string; password?: string; mfaCode?: string; challenge?: string; redirectUri?: string },
): Promise<{ location: URL | null; html: string }> {
  const user = sb.scenario.users[0]!;
  const dispatcher = trustedDispatcher(sb);
  const redirectUri = options.redirectUri ?? 'http://localhost:5173/';
  const query = new URLSearchParams({
    client_id: sb.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope,
    state: 'state-123',
    nonce: 'nonce-456',
    client_info: '1',
    ...(options.challenge ? { code_challenge: options.challenge, code_challenge_method: 'S256' } : {}),
  });
  const page = await (await fetch(`${sb.authority}/oauth2/v2.0/authorize?${query}`, { dispatcher })).text();
  const flowToken = /name="flowToken" value="([^"]+)"/.exec(page)?.[1];
  if (!flowToken) return { location: null, html: page };
  const post = async (path: string, form: Record<string, string>) =>
    fetch(`${sb.authorityHost}${path}`, { method: 'POST', body: new URLSearchParams(form), dispatcher, redirect: 'manual' });
  let response = await post('/common/login', { flowToken, login: options.upn ?? user.upn, passwd: options.password ?? user.password });
  if (response.status === 200) {
    const html = await response.text();
    if (!html.includes('idTxtBx_SAOTCC_OTC')) return { location: null, html };
    response = await post('/common/SAS/ProcessAuth', { flowToken, otc: options.mfaCode ?? user.mfaCode });
    if (response.status === 200) return { location: null, html: await response.text() };
  }
  const location = response.headers.get('location');
  return { location: location ? new URL(location) : null, html: '' };
}

export async function redeemCode(sb: Sandbox, form: Record<string, string>) {
  const response = await fetch(`${sb.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: sb.clientId, ...form }),
    dispatcher: trustedDispatcher(sb),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
