/** Microsoft's own pages where a user manages sign-in methods; the demo tenant has its own copy. */
const securityInfoHosts = new Set(['mysignins.microsoft.com', 'aka.ms']);

/**
 * The page a button really opens: in the demo tenant, Microsoft's Security info pages become the
 * sandbox's Security info page, so the demo never sends the user to the real Microsoft 365.
 */
export function pageUrl(url: string, info: { demoTenant: boolean; securityInfoUrl: string } | null): string {
  if (!info?.demoTenant) return url;
  try {
    return securityInfoHosts.has(new URL(url).hostname) ? info.securityInfoUrl : url;
  } catch {
    return url;
  }
}
