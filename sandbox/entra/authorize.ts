import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, redirect, sendHtml } from '../http/io';
import type { SandboxUser } from '../state/tenant';
import type { SignInFacts } from '../tokens/claims';
import type { EntraContext } from './context';
import { aadError, type AadError } from './errors';
import { errorPage, formPostPage, signInPage } from './pages';
import { demoAccounts } from './context';
import { grantScopes, parseScopes } from './scopes';
import type { AuthorizeRequest } from './store';
import { clientInfo, signInPolicyError } from './token-response';

/** Entra accepts any port on a loopback redirect URI registered as http://localhost. */
function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** GET (or POST) /{tenant}/oauth2/v2.0/authorize: validates the request, then shows the sign-in page. */
export async function handleAuthorize(ctx: EntraContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  ctx.counters.authorizeRequests += 1;
  const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
  const get = (name: string): string | undefined => params.get(name) ?? undefined;
  const clientId = get('client_id') ?? '';
  // Errors Entra cannot trust the redirect URI with are shown on its own page.
  if (clientId.toLowerCase() !== ctx.tokens.clientId.toLowerCase()) {
    const err = aadError(700016, { clientId, tenant: ctx.tenant.scenario.tenant.domain });
    sendHtml(res, 400, errorPage(`AADSTS${err.code}`, err.description));
    return;
  }
  const redirectUri = get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri)) {
    const err = aadError(50011, { clientId, redirectUri });
    sendHtml(res, 400, errorPage(`AADSTS${err.code}`, err.description));
    return;
  }
  const mode = get('response_mode') ?? 'query';
  const request: AuthorizeRequest = {
    clientId,
    redirectUri,
    scope: get('scope') ?? '',
    state: get('state'),
    nonce: get('nonce'),
    codeChallenge: get('code_challenge'),
    codeChallengeMethod: get('code_challenge_method'),
    responseMode: mode === 'form_post' || mode === 'fragment' ? mode : 'query',
    wantsClientInfo: get('client_info') === '1',
    loginHint: get('login_hint'),
  };
  if (get('response_type') !== 'code') {
    return replyToApp(res, request, { error: 'unsupported_response_type', error_description: 'AADSTS700054: response_type \'id_token\' is not enabled for the application.' });
  }
  if (request.codeChallenge && request.codeChallengeMethod && !['S256', 'plain'].includes(request.codeChallengeMethod)) {
    return replyToApp(res, request, { error: 'invalid_request', error_description: "AADSTS501491: Invalid size of Code_Challenge parameter or unsupported code_challenge_method." });
  }
  const scopes = parseScopes(request.scope, ctx.tokens.appName);
  if ('code' in scopes) return replyWithError(res, request, scopes);
  if (get('prompt') === 'none') return replyWithError(res, request, aadError(50058));
  const flow = ctx.store.startFlow({ kind: 'authorize', request });
  sendHtml(res, 200, signInPage({ demo: demoAccounts(ctx), flowToken: flow.id, action: '/common/login', appName: ctx.tokens.appName, ...(request.loginHint ? { loginHint: request.loginHint } : {}) }));
}

/** After a successful sign-in: consent and policy, then the code goes to the loopback redirect URI. */
export async function finishAuthorize(ctx: EntraContext, res: ServerResponse, request: AuthorizeRequest, user: SandboxUser, facts: SignInFacts, sessionCookie: string): Promise<void> {
  const scopes = parseScopes(request.scope, ctx.tokens.appName);
  if ('code' in scopes) return replyWithError(res, request, scopes);
  const grant = grantScopes(ctx.tenant, user, scopes, ctx.tokens.clientId, ctx.tokens.appName);
  if ('code' in grant) return replyWithError(res, request, grant);
  const blocked = signInPolicyError(ctx, user, grant, facts);
  if (blocked) return replyWithError(res, request, blocked);
  const code = ctx.store.issueCode({
    upn: user.upn,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    grant,
    facts,
    nonce: request.nonce,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
  });
  const fields: Record<string, string> = { code };
  if (request.wantsClientInfo) fields['client_info'] = clientInfo(ctx, user);
  fields['session_state'] = sessionCookie.slice(0, 36);
  replyToApp(res, request, fields, { 'Set-Cookie': `ESTSAUTH=${sessionCookie}; Path=/; Secure; HttpOnly; SameSite=None` });
}

function replyWithError(res: ServerResponse, request: AuthorizeRequest, err: AadError): void {
  replyToApp(res, request, { error: err.authorizeError, error_description: err.description, error_uri: `https://login.microsoftonline.com/error?code=${err.code}` });
}

/** Sends fields (plus state) to the redirect URI in the requested response mode. */
function replyToApp(res: ServerResponse, request: AuthorizeRequest, fields: Record<string, string>, headers: Record<string, string> = {}): void {
  const all = { ...fields, ...(request.state !== undefined ? { state: request.state } : {}) };
  if (request.responseMode === 'form_post') {
    sendHtml(res, 200, formPostPage(request.redirectUri, all), headers);
    return;
  }
  const target = new URL(request.redirectUri);
  const encoded = new URLSearchParams(all).toString();
  if (request.responseMode === 'fragment') target.hash = encoded;
  else for (const [name, value] of Object.entries(all)) target.searchParams.set(name, value);
  redirect(res, target.toString(), headers);
}
