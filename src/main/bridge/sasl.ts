/** Strict base64 to UTF-8 text; null when it is not base64 (Buffer.from would quietly skip junk). */
export function decodeBase64Text(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '=' ) return '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) return null;
  return Buffer.from(trimmed, 'base64').toString('utf8');
}

/** SASL PLAIN (RFC 4616): authzid NUL authcid NUL passwd; the authzid, if any, must be the user. */
export function parsePlain(base64: string): { user: string; password: string } | null {
  const decoded = decodeBase64Text(base64);
  if (decoded === null) return null;
  const parts = decoded.split('\0');
  if (parts.length !== 3) return null;
  const [authzid = '', user = '', password = ''] = parts;
  if (authzid !== '' && authzid.toLowerCase() !== user.toLowerCase()) return null;
  return { user, password };
}
