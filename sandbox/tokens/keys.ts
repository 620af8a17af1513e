import { exportJWK, generateKeyPair, type JWK, type CryptoKey } from 'jose';
import { randomBytes } from 'node:crypto';

export type SigningKeys = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

/** One RS256 key per sandbox run, published at the JWKS endpoint like Entra's signing keys. */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(20).toString('base64url');
  const jwk = await exportJWK(publicKey);
  const publicJwk: JWK = { kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n ?? '', e: jwk.e ?? '' };
  return { kid, privateKey, publicKey, publicJwk };
}
