/**
 * The only places the app may open in the system browser: Microsoft's sign-in, security-info,
 * admin and documentation hosts. Matching is on the parsed URL (exact host, https, default
 * port, no userinfo), never on a string prefix, so lookalikes and `user@host` tricks fail.
 */
export const allowedExternalHosts: ReadonlySet<string> = new Set([
  'mysignins.microsoft.com',
  'account.activedirectory.windowsazure.com',
  'admin.microsoft.com',
  'admin.exchange.microsoft.com',
  'entra.microsoft.com',
  'portal.azure.com',
  'login.microsoftonline.com',
  'microsoft.com',
  'www.microsoft.com',
  'learn.microsoft.com',
  'support.microsoft.com',
  'aka.ms',
  'account.microsoft.com',
]);

// Whitespace, C0/C1 controls, backslashes and anything non-ASCII. The WHATWG parser silently
// strips or rewrites these (tabs, CR/LF, `\` as `/`, fullwidth letters, %2e in hosts), while the
// OS handler that finally opens the URL may read the raw text differently.
const ambiguousCharacters = /[^\x21-\x7e]|\\/;
// The authority exactly as written: a plain host name (and a port, for extra origins only).
const literalAuthority = /^https:\/\/([a-z0-9.-]+(?::[0-9]{1,5})?)(?:[/?#]|$)/i;

/**
 * The canonical form of `raw` when it may be opened in the system browser, else null. Callers
 * open the returned string, never `raw`, so what was checked is exactly what is opened.
 */
export function allowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): string | null {
  if (ambiguousCharacters.test(raw)) return null;
  const authority = literalAuthority.exec(raw)?.[1]?.toLowerCase();
  if (authority === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  // The parser must have read the same authority we see; anything it rewrote is refused.
  if (url.host !== authority) return null;
  if (extraOrigins.includes(url.origin)) return url.href;
  if (url.port !== '' || authority.includes(':')) return null;
  return allowedExternalHosts.has(url.hostname) ? url.href : null;
}

export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  return allowedExternalUrl(raw, extraOrigins) !== null;
}
