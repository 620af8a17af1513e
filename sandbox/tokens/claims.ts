import { SignJWT, jwtVerify, errors, decodeProtectedHeader } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import type { SigningKeys } from './keys';
import type { SandboxUser } from '../state/tenant';

export const graphResource = 'https://graph.microsoft.com';
export const outlookResource = 'https://outlook.office.com';

export type TokenIssuer = {
  issuer: string;
  tenantId: string;
  clientId: string;
  appName: string;
  keys: SigningKeys;
  /** Seconds an access or ID token stays valid (the scenario's accessTokenLifetimeSeconds). */
  lifetimeSeconds: number;
};
export type SignInFacts = { amr: string[]; authTime: number };

const now = (): number => Math.floor(Date.now() / 1000);

function sign(issuer: TokenIssuer, claims: Record<string, unknown>, lifetime: number): Promise<string> {
  const iat = now();
  return new SignJWT({ ...claims, uti: randomBytes(16).toString('base64url') })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: issuer.keys.kid })
    .setIssuer(issuer.issuer)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + lifetime)
    .sign(issuer.keys.privateKey);
}

/** The v2 ID token MSAL caches the account from (tid/oid -> homeAccountId). */
export function issueIdToken(issuer: TokenIssuer, user: SandboxUser, facts: SignInFacts, nonce: string | undefined): Promise<string> {
  return sign(
    issuer,
    {
      aud: issuer.clientId,
      ver: '2.0',
      tid: issuer.tenantId,
      oid: user.id,
      sub: randomUUID().replace(/-/g, '').slice(0, 22),
      name: user.displayName,
      preferred_username: user.upn,
      amr: facts.amr,
      auth_time: facts.authTime,
      ...(nonce ? { nonce } : {}),
    },
    issuer.lifetimeSeconds,
  );
}

/** A v1-style delegated access token as Graph and Exchange receive them. */
export function issueAccessToken(
  issuer: TokenIssuer,
  user: SandboxUser,
  facts: SignInFacts,
  audience: string,
  scopes: string[],
): Promise<string> {
  const [givenName, ...rest] = user.displayName.split(' ');
  return sign(
    issuer,
    {
      aud: audience,
      ver: '1.0',
      tid: issuer.tenantId,
      oid: user.id,
      sub: user.id,
      upn: user.upn,
      unique_name: user.upn,
      name: user.displayName,
      given_name: givenName ?? '',
      family_name: rest.join(' '),
      idtyp: 'user',
      appid: issuer.clientId,
      app_displayname: issuer.appName,
      amr: facts.amr,
      acr: '1',
      scp: scopes.join(' '),
      ipaddr: '127.0.0.1',
    },
    issuer.lifetimeSeconds,
  );
}

export type AccessTokenClaims = { aud: string; scp: string[]; upn: string; preferredUsername: string; oid: string; tid: string; amr: string[] };
export type TokenRejection = 'malformed' | 'expired' | 'signature' | 'issuer' | 'audience';

export async function verifyAccessToken(
  issuer: TokenIssuer,
  token: string,
  audience: string,
): Promise<{ ok: true; claims: AccessTokenClaims } | { ok: false; reason: TokenRejection }> {
  try {
    decodeProtectedHeader(token);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  try {
    const { payload } = await jwtVerify(token, issuer.keys.publicKey, { algorithms: ['RS256'] });
    if (payload.iss !== issuer.issuer) return { ok: false, reason: 'issuer' };
    if (payload.aud !== audience) return { ok: false, reason: 'audience' };
    const text = (key: string): string => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
    const amr = Array.isArray(payload['amr']) ? payload['amr'].filter((v): v is string => typeof v === 'string') : [];
    return {
      ok: true,
      claims: { aud: audience, scp: text('scp').split(' ').filter(Boolean), upn: text('upn'), preferredUsername: text('preferred_username'), oid: text('oid'), tid: text('tid'), amr },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature' };
    return { ok: false, reason: 'malformed' };
  }
}
