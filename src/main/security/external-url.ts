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

export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (extraOrigins.includes(url.origin)) return true;
  if (url.port !== '') return false;
  return allowedExternalHosts.has(url.hostname);
}
