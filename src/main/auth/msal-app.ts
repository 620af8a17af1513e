import { LogLevel, PublicClientApplication, type ICachePlugin, type INetworkModule } from '@azure/msal-node';

/** Sign-in hosts MSAL knows (it discovers their metadata itself); anything else is "known" by us. */
const microsoftLoginHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export type MsalAppOptions = {
  clientId: string;
  authorityHost: string;
  tenant: string;
  networkClient: INetworkModule;
  cachePlugin: ICachePlugin | null;
};

export function authorityFor(authorityHost: string, tenant: string): string {
  return `${authorityHost.replace(/\/+$/, '')}/${tenant}`;
}

/**
 * The MSAL public client (no secret). A non-Microsoft authority host (a test tenant) is
 * declared known so MSAL trusts its own discovery document instead of asking Microsoft's
 * instance discovery. For Microsoft's sign-in hosts of every cloud MSAL ships both documents
 * (aliases and endpoints), so a silent token costs no discovery round trip; only a
 * non-Microsoft host's OpenID configuration is downloaded, once per process, and it is not
 * pinned here: that host's own document stays the authority on its endpoints.
 * Logging never includes personal data or tokens.
 */
export function createMsalApp(options: MsalAppOptions): PublicClientApplication {
  const host = new URL(options.authorityHost).host;
  return new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: authorityFor(options.authorityHost, options.tenant),
      ...(microsoftLoginHosts.has(host) ? {} : { knownAuthorities: [host] }),
    },
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    system: {
      networkClient: options.networkClient,
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  });
}
