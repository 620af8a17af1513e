import type { SandboxUser } from '../state/tenant';
import { issueAccessToken, issueIdToken, type SignInFacts } from '../tokens/claims';
import type { EntraContext } from './context';
import { aadError, type AadError } from './errors';
import { responseScope, type Grant } from './scopes';

/** Errors a sign-in or token grant can hit after the password is known to be right. */
export function signInPolicyError(ctx: EntraContext, user: SandboxUser, grant: Grant | null, facts: SignInFacts): AadError | null {
  const params = { clientId: ctx.tokens.clientId, appName: ctx.tokens.appName, resourceId: grant?.resource.appId ?? '00000003-0000-0000-c000-000000000000' };
  if (user.signInError) return aadError(Number(user.signInError.slice(6)) as 50076 | 50079 | 50126 | 53003 | 65001, params);
  const access = { client: 'modern', resourceAppId: params.resourceId } as const;
  if (ctx.tenant.blockedByConditionalAccess(user, access)) return aadError(53003, params);
  if (ctx.tenant.deviceRequired(user, access)) return aadError(530003, params);
  if (ctx.tenant.mfaRequired(user, access) && !facts.amr.includes('mfa')) {
    return aadError(ctx.tenant.hasStrongMethod(user) ? 50076 : 50079, params);
  }
  return null;
}

export function clientInfo(ctx: EntraContext, user: SandboxUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenant.id })).toString('base64url');
}

export async function tokenResponse(
  ctx: EntraContext,
  user: SandboxUser,
  facts: SignInFacts,
  grant: Grant,
  nonce: string | undefined,
): Promise<Record<string, unknown>> {
  const scp = grant.resource.uri === 'https://graph.microsoft.com' ? [...grant.scopes, ...grant.oidc.filter((s) => s !== 'offline_access')] : grant.scopes;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: responseScope(grant),
    expires_in: ctx.tokens.lifetimeSeconds,
    ext_expires_in: ctx.tokens.lifetimeSeconds,
    access_token: await issueAccessToken(ctx.tokens, user, facts, grant.resource.uri, scp),
  };
  if (grant.oidc.includes('offline_access')) {
    body['refresh_token'] = ctx.store.issueRefreshToken({ upn: user.upn, clientId: ctx.tokens.clientId, facts });
  }
  if (grant.oidc.includes('openid')) body['id_token'] = await issueIdToken(ctx.tokens, user, facts, nonce);
  body['client_info'] = clientInfo(ctx, user);
  return body;
}
