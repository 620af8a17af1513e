/**
 * The only pages the app may open in the system browser: the ones it links to (the guides'
 * deep links, Security info, the device-login page, Microsoft Learn articles), by host AND path.
 * A host alone is not enough: login.microsoftonline.com also serves `authorize` (consent
 * phishing with another app's client_id) and `logout` (a redirect anywhere), and admin centers
 * route by fragment. Matching is on the parsed URL (exact host, https, default port, no
 * userinfo), never on a string prefix, so lookalikes and `user@host` tricks fail.
 */
type AllowedPage = {
  /** Exact path, or a pattern for a family of pages (documentation). Paths compare case-insensitively. */
  path: string | RegExp;
  /** The whole query must match (empty included); omitted = none at all. */
  query?: RegExp;
  /** The whole fragment must match (admin centers route by it); omitted = none at all. */
  fragment?: RegExp;
};

const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Microsoft Learn article paths: optional locale, then lower-case path segments; no query.
const learnArticle = /^\/(?:[a-z]{2}-[a-z]{2}\/)?[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*\/?$/i;

export const allowedExternalPages: ReadonlyMap<string, readonly AllowedPage[]> = new Map<string, AllowedPage[]>([
  // Where users create and delete app passwords and register MFA methods.
  ['mysignins.microsoft.com', [{ path: '/security-info' }]],
  ['aka.ms', [{ path: '/mfasetup' }]],
  // The device-code page (verification_uri) per cloud, as Entra returns it.
  ['microsoft.com', [{ path: '/devicelogin' }, { path: '/deviceloginus' }]],
  ['www.microsoft.com', [{ path: '/devicelogin' }, { path: '/deviceloginus' }]],
  ['login.microsoftonline.com', [{ path: '/common/oauth2/deviceauth' }]],
  ['login.microsoftonline.us', [{ path: '/common/oauth2/deviceauth' }]],
  ['login.chinacloudapi.cn', [{ path: '/common/oauth2/deviceauth' }]],
  // Legacy per-user MFA pages (optionally for one tenant) and the MFA service settings.
  [
    'account.activedirectory.windowsazure.com',
    [
      { path: '/usermanagement/multifactorverification.aspx', query: new RegExp(`^(?:tenantId=${guid})?$`, 'i') },
      { path: '/UserManagement/MfaSettings.aspx' },
    ],
  ],
  // Admin centers: the landing page, or the views the guides name.
  ['entra.microsoft.com', [{ path: '/', fragment: /^view\/Microsoft_AAD_(?:IAM\/TenantOverview\.ReactView|UsersAndTenants\/UserManagementMenuBlade\/~\/AllUsers)$/ }]],
  ['admin.microsoft.com', [{ path: '/', fragment: /^\/users$/ }]],
  ['admin.exchange.microsoft.com', [{ path: '/', fragment: /^\/settings$/ }]],
  // Microsoft's documentation, cited by the guides and the advice.
  ['learn.microsoft.com', [{ path: learnArticle, fragment: /^[a-z0-9-]{0,100}$/i }]],
]);

export const allowedExternalHosts: ReadonlySet<string> = new Set(allowedExternalPages.keys());

/** Extra origins (the demo tenant) serve only their sign-in pages. */
const extraOriginPages: readonly AllowedPage[] = [{ path: '/security-info' }, { path: '/devicelogin' }];

function matchesPage(url: URL, pages: readonly AllowedPage[]): boolean {
  const query = url.search.replace(/^\?/, '');
  const fragment = url.hash.replace(/^#/, '');
  return pages.some((page) => {
    const pathOk = typeof page.path === 'string' ? url.pathname.toLowerCase() === page.path.toLowerCase() : page.path.test(url.pathname);
    const queryOk = page.query ? page.query.test(query) : query === '' && !url.href.includes('?');
    const fragmentOk = page.fragment ? page.fragment.test(fragment) : fragment === '' && !url.href.includes('#');
    return pathOk && queryOk && fragmentOk;
  });
}

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
  if (extraOrigins.includes(url.origin)) return matchesPage(url, extraOriginPages) ? url.href : null;
  if (url.port !== '' || authority.includes(':')) return null;
  const pages = allowedExternalPages.get(url.hostname);
  return pages && matchesPage(url, pages) ? url.href : null;
}

export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  return allowedExternalUrl(raw, extraOrigins) !== null;
}
