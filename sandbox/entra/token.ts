import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay, readForm, sendJson } from '../http/io';
import type { EntraContext } from './context';
import { deviceCodeGrant } from './device-code';
import { aadError, sendTokenError, type AadError } from './errors';
import { grantScopes, parseScopes } from './scopes';
import { signInPolicyError, tokenResponse } from './token-response';

/** Entra accepts the RFC 8628 URN and the short name MSAL sends. */
const deviceCodeGrantType = 'urn:ietf:params:oauth:grant-type:device_code';

/** POST /{tenant}/oauth2/v2.0/token */
export async function handleToken(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  ctx.counters.tokenRequests += 1;
  const form = await readForm(req);
  await delay(ctx.latencyMs());
  const fail = (err: AadError): void => sendTokenError(res, err);
  const clientId = form.get('client_id') ?? '';
  if (!clientId) return fail(aadError(900144, { field: 'client_id' }));
  if (clientId.toLowerCase() !== ctx.tokens.clientId.toLowerCase()) {
    return fail(aadError(700016, { clientId, tenant: ctx.tenant.scenario.tenant.domain }));
  }
  const grantType = form.get('grant_type') ?? '';
  const nowSeconds = Math.floor(Date.now() / 1000);

  if (grantType === 'authorization_code') {
    const code = ctx.store.code(form.get('code') ?? '');
    if (!code) return fail(aadError(9002313));
    if (code.redeemed) return fail(aadError(54005));
    if (code.expiresAt <= Date.now()) return fail(aadError(70008));
    if (code.redirectUri !== (form.get('redirect_uri') ?? '')) return fail(aadError(500112, { redirectUri: form.get('redirect_uri') ?? '' }));
    if (code.codeChallenge) {
      const verifier = form.get('code_verifier') ?? '';
      if (!verifier) return fail(aadError(90014, { field: 'code_verifier' }));
      const computed = code.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
      if (computed !== code.codeChallenge) return fail(aadError(501481));
    }
    code.redeemed = true;
    const user = ctx.tenant.findUser(code.upn);
    if (!user) return fail(aadError(9002313));
    return sendJson(res, 200, await tokenResponse(ctx, user, code.facts, code.grant, code.nonce));
  }

  if (grantType === 'refresh_token') {
    const stored = ctx.store.refreshToken(form.get('refresh_token') ?? '');
    if (!stored || stored.clientId.toLowerCase() !== clientId.toLowerCase()) return fail(aadError(9002313));
    // Entra's dates here look like 2025-01-31T10:20:30.0000000Z.
    const when = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '0000Z');
    if (stored.revokedAt !== undefined) return fail(aadError(50173, { issuedAt: when(stored.issuedAt), validFrom: when(stored.revokedAt) }));
    if (stored.expiredByInactivity) return fail(aadError(700082, { issuedAt: when(stored.issuedAt - 90 * 86_400_000) }));
    const user = ctx.tenant.findUser(stored.upn);
    if (!user) return fail(aadError(9002313));
    const parsed = parseScopes(form.get('scope') ?? '', ctx.tokens.appName);
    if ('code' in parsed) return fail(parsed);
    const grant = grantScopes(ctx.tenant, user, parsed, ctx.tokens.clientId, ctx.tokens.appName);
    if ('code' in grant) return fail(grant);
    // A refresh keeps the original sign-in's MFA claim; policy is evaluated again per resource.
    const blocked = signInPolicyError(ctx, user, grant, stored.facts);
    if (blocked) return fail(blocked);
    return sendJson(res, 200, await tokenResponse(ctx, user, { ...stored.facts, authTime: stored.facts.authTime || nowSeconds }, grant, undefined));
  }

  if (grantType === deviceCodeGrantType || grantType === 'device_code') {
    const result = deviceCodeGrant(ctx, form.get('device_code') ?? '');
    if ('error' in result) return fail(result.error);
    return sendJson(res, 200, await tokenResponse(ctx, result.user, result.facts, result.grant, undefined));
  }

  return fail(aadError(70003, { grantType }));
}
