import { graphResource, verifyAccessToken, type TokenRejection } from '../tokens/claims';
import type { Caller, GraphContext } from './context';
import { graphError, type GraphReply, type RequestIds } from './reply';

const wwwAuthenticate = {
  'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

const messages: Record<TokenRejection | 'empty' | 'tenant', string> = {
  empty: 'Access token is empty.',
  malformed: "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
  expired: 'Lifetime validation failed, the token is expired.',
  signature: 'Access token validation failure.',
  issuer: 'Access token validation failure. Invalid issuer.',
  audience: 'Access token validation failure. Invalid audience.',
  tenant: 'Access token validation failure. Invalid issuer.',
};

/** Validates the bearer token: signature, issuer, lifetime, audience (Graph) and tenant. */
export async function authenticate(ctx: GraphContext, authorization: string | undefined, ids: RequestIds): Promise<Caller | GraphReply> {
  const reject = (reason: keyof typeof messages): GraphReply => graphError(ids, 401, 'InvalidAuthenticationToken', messages[reason], wwwAuthenticate);
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token) return reject('empty');
  const result = await verifyAccessToken(ctx.tokens, token, graphResource);
  if (!result.ok) return reject(result.reason);
  if (result.claims.tid !== ctx.tenant.id) return reject('tenant');
  const granted = new Set(result.claims.scp.map((scope) => scope.toLowerCase()));
  return { claims: result.claims, hasAnyScope: (...scopes) => scopes.some((scope) => granted.has(scope.toLowerCase())) };
}
