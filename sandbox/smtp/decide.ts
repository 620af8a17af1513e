import type { SandboxUser, Tenant } from '../state/tenant';
import { outlookResource, verifyAccessToken, type TokenIssuer } from '../tokens/claims';
import type { ExchangeReplyName } from './replies';

const exchangeOnlineAppId = '00000002-0000-0ff1-ce00-000000000000';

export type AuthDecision = { ok: true; user: SandboxUser } | { ok: false; reply: ExchangeReplyName };

/** SMTP AUTH is off for this mailbox: the mailbox setting wins over the organisation's. */
function smtpAuthBlock(tenant: Tenant, user: SandboxUser): ExchangeReplyName | null {
  if (user.smtpAuth === 'disabled') return 'mailboxDisabled';
  if (user.smtpAuth !== 'enabled' && tenant.scenario.tenant.smtpClientAuthentication === 'disabled') return 'tenantDisabled';
  return null;
}

/** AUTH LOGIN (Basic): app passwords, or the account password when no MFA stands in the way. */
export function decideBasic(tenant: Tenant, username: string, password: string): AuthDecision {
  if (tenant.scenario.tenant.basicAuthSmtp === 'retired') return { ok: false, reply: 'basicAuthRetired' };
  const user = tenant.findUser(username);
  if (!user) return { ok: false, reply: 'badCredentials' };
  const viaAppPassword = user.perUserMfa !== 'disabled' && tenant.appPasswordMatches(user, password);
  const viaAccountPassword = tenant.passwordMatches(user, password);
  if (!viaAppPassword && !viaAccountPassword) return { ok: false, reply: 'badCredentials' };
  const blocked = smtpAuthBlock(tenant, user);
  if (blocked) return { ok: false, reply: blocked };
  if (tenant.scenario.tenant.securityDefaults) return { ok: false, reply: 'securityDefaults' };
  if (tenant.scenario.tenant.basicAuthSmtp === 'disabled') return { ok: false, reply: 'basicAuthDisabled' };
  // A legacy client signing in to Exchange Online cannot satisfy any grant control.
  const conditional = tenant
    .conditionalAccessFor(user, { client: 'legacy', resourceAppId: exchangeOnlineAppId })
    .some((policy) => policy.builtInControls.length > 0 || policy.authenticationStrength !== undefined);
  if (conditional || user.signInError === 'AADSTS53003') return { ok: false, reply: 'conditionalAccess' };
  if (user.signInError === 'AADSTS50126') return { ok: false, reply: 'badCredentials' };
  // With per-user MFA on, the account password alone no longer signs in a legacy client.
  if (!viaAppPassword && user.perUserMfa !== 'disabled') return { ok: false, reply: 'badCredentials' };
  return { ok: true, user };
}

/**
 * AUTH XOAUTH2, checked as Exchange Online checks it: a signature from this tenant's issuer,
 * not expired (nor not yet valid), audience Exchange Online (https://outlook.office.com),
 * `SMTP.Send` among the delegated scopes, and `user=` naming the account the token was issued
 * to (its upn, or preferred_username). Anything else: 535 5.7.3 Authentication unsuccessful.
 * https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 */
export async function decideOAuth(tenant: Tenant, tokens: TokenIssuer, username: string, accessToken: string): Promise<AuthDecision> {
  const verified = await verifyAccessToken(tokens, accessToken, outlookResource);
  if (!verified.ok) return { ok: false, reply: 'oauthRejected' };
  const { claims } = verified;
  if (claims.tid !== tenant.id || !claims.scp.some((scope) => scope.toLowerCase() === 'smtp.send')) return { ok: false, reply: 'oauthRejected' };
  const wanted = username.trim().toLowerCase();
  const tokenUser = (claims.upn || claims.preferredUsername).toLowerCase();
  const user = tenant.findUser(claims.oid);
  if (!user || !tokenUser || tokenUser !== wanted || user.upn.toLowerCase() !== tokenUser) return { ok: false, reply: 'oauthRejected' };
  const blocked = smtpAuthBlock(tenant, user);
  if (blocked) return { ok: false, reply: blocked };
  return { ok: true, user };
}
