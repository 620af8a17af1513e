import { mkdir } from 'node:fs/promises';
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import type { Account } from '../../shared/account';
import { AppError } from '../../shared/ipc/errors';
import { cloudPresets } from '../config/clouds';
import type { ResolvedConfig } from '../config/resolved';
import { tokenCacheSuffix } from '../config/schema';
import { createMsalNetworkModule, createTrust, type Trust } from '../config/trust';
import type { Platform } from '../platform';
import type { AuthService, SignInOptions } from '../services';
import { activeAccountStore } from './active-account';
import { mapAuthError as mapError, SignInCancelledError, type AdminContext, type EntraErrorHint } from './errors';
import { startInteractiveSignIn, type PendingSignIn } from './interactive';
import { createMsalApp } from './msal-app';
import { openTokenCache, type TokenCacheStore } from './token-cache';

/** What the readiness check needs from a sign-in: never stored, never logged. */
export type GraphToken = {
  accessToken: string;
  account: Account;
  /** The user's object id (Conditional Access targets users by it). */
  userId: string;
  /** The ID token's authentication methods: contains "mfa" when the sign-in used MFA. */
  amr: string[];
};

export interface GraphTokenSource {
  acquireGraphToken(): Promise<GraphToken>;
  /**
   * The Conditional Access policies the last readiness check found for this user, so a later
   * AADSTS53003/530003 (e.g. on the SMTP token) names them in the message for the admin.
   */
  noteConditionalAccessPolicies?(names: readonly string[]): void;
}

/** An access token for one signed-in account and one Exchange protocol; never stored, never logged. */
export type AccountToken = { accessToken: string; expiresOn: Date | null };
export type AccountTokenScope = 'smtp' | 'imap';

export interface AccountTokenSource {
  /**
   * Silently, from MSAL's cache (refreshing when needed), for exactly the account with this
   * UPN: an unknown UPN is not-signed-in, never another account. Throws AppError; Entra's
   * AADSTS code, when there is one, is in the message.
   */
  acquireAccountToken(upn: string, scope: AccountTokenScope): Promise<AccountToken>;
  /** The UPNs of the accounts MSAL's cache holds. */
  signedInUpns(): Promise<string[]>;
}

export type AuthServiceWithGraph = AuthService &
  GraphTokenSource &
  AccountTokenSource & {
    /** Why tokens are not persisted (null when they are). */
    readonly cacheNotice: string | null;
    /** Releases connections (CLI exit, tests). */
    close(): Promise<void>;
  };

export type CreateAuthServiceOptions = {
  config: ResolvedConfig;
  platform: Pick<Platform, 'openExternal'>;
  /** Per-user folder for the token cache marker and the active-account id. */
  cacheDir: string;
  /** The process's trust (compose.ts); omitted = built from config and closed with the service. */
  trust?: Trust;
  /** Tests only: replace how the token cache is opened. */
  openCache?: (options: { cacheDir: string; serviceName: string }) => Promise<TokenCacheStore>;
};

export const tokenCacheServiceName = (keychainService: string) => `${keychainService}${tokenCacheSuffix}`;

/**
 * The Graph permissions the app was granted (`.default`): whatever the user or their role
 * lacks answers 403 later, which the readiness model turns into "unknown". The resource is
 * the cloud's Graph (the token audience), even when graphBaseUrl points elsewhere (a test
 * tenant or a proxy).
 */
export const graphScopes = (config: ResolvedConfig) => [`${cloudPresets[config.values.cloud].graphBaseUrl}/.default`];

/**
 * Sign-in with MSAL in the main process: silent first, then the system browser (loopback +
 * PKCE) or a device code. Token cache encrypted by the OS, or in memory when it cannot be.
 */
export async function createAuthService(options: CreateAuthServiceOptions): Promise<AuthServiceWithGraph> {
  const { config, platform, cacheDir } = options;
  const clientId = config.values.clientId;
  if (!clientId) {
    throw new AppError({
      code: 'config-invalid',
      message: 'No app registration (clientId) is configured, so sign-in cannot start.',
      nextStep: 'Ask IT for the clientId (set it in settings, M365_CONNECT_CLIENT_ID or the policy file), or try the demo tenant.',
    });
  }
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const serviceName = tokenCacheServiceName(config.values.keychainService);
  const cache = await (options.openCache ?? openTokenCache)({ cacheDir, serviceName });
  const ownTrust = options.trust ? null : createTrust(config.values.extraCaFile);
  const { dispatcher } = options.trust ?? ownTrust!;
  // The last error Entra answered, for flows where MSAL keeps only the error name.
  let lastEntraError: EntraErrorHint | null = null;
  // The last account seen, so an admin-only error can say who asks (never a secret).
  let lastUser: string | null = null;
  let policyNames: readonly string[] = [];
  const mapAuthError = (error: unknown) => {
    const mapped = mapError(error, lastEntraError, { ...adminContext(config.values, clientId, lastUser), policyNames });
    lastEntraError = null;
    return mapped;
  };
  const app = createMsalApp({
    clientId,
    authorityHost: config.values.authorityHost,
    tenant: config.values.tenant,
    networkClient: createMsalNetworkModule(dispatcher, {
      onErrorBody: (body) => {
        lastEntraError = body;
      },
    }),
    cachePlugin: cache.plugin,
  });
  const active = activeAccountStore(cacheDir);
  const scopes = graphScopes(config);
  let pending: PendingSignIn | null = null;

  const activeAccount = async (): Promise<AccountInfo | null> => {
    // A locked keyring reads as an empty cache: say "locked", not "nobody is signed in".
    if (cache.blocked) throw cache.blocked;
    const accounts = await app.getAllAccounts();
    const id = await active.read();
    const account = accounts.find((a) => a.homeAccountId === id) ?? accounts[0] ?? null;
    if (account) lastUser = account.username;
    return account;
  };

  const silent = async (account: AccountInfo, forScopes: string[]) =>
    app.acquireTokenSilent({ account, scopes: forScopes });

  // MSAL caches a `.default` token under the scopes Entra granted, so asking for `.default`
  // again always misses the cache and costs a refresh round trip. Once we know the granted
  // scopes, ask for exactly those: a cache hit until the token nears expiry.
  let grantedGraphScopes: string[] | null = null;
  const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);
  const silentGraph = async (account: AccountInfo) => {
    const result = await silent(account, grantedGraphScopes ?? scopes).catch((error: unknown) => {
      if (grantedGraphScopes === null) throw error;
      grantedGraphScopes = null;
      return silent(account, scopes);
    });
    noteGranted(result);
    return result;
  };
  const noteGranted = (result: AuthenticationResult) => {
    const granted = result.scopes.filter((scope) => !oidcScopes.has(scope.toLowerCase()));
    grantedGraphScopes = granted.length > 0 ? granted : null;
  };

  const remember = async (result: AuthenticationResult | null): Promise<Account> => {
    if (!result?.account) throw mapError(new Error('no account in the token response'));
    await active.write(result.account.homeAccountId);
    return toAccount(result.account);
  };

  const interactive = async (request: Parameters<typeof startInteractiveSignIn>[1], onProgress?: SignInOptions['onProgress']) => {
    onProgress?.('opening-browser');
    const started = startInteractiveSignIn(app, request, async (url) => {
      // MSAL's authorize URL at the configured authority, never renderer input.
      await platform.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      onProgress?.('waiting');
    });
    pending = started.pending;
    try {
      return await started.result;
    } finally {
      if (pending === started.pending) pending = null;
    }
  };

  const deviceCode = async (onDeviceCode: SignInOptions['onDeviceCode'], onProgress: SignInOptions['onProgress']) => {
    let rejectCancelled: (error: Error) => void = () => undefined;
    const cancelled = new Promise<never>((_, reject) => {
      rejectCancelled = reject;
    });
    const request: DeviceCodeRequest = {
      scopes,
      deviceCodeCallback: (response) => {
        onDeviceCode?.({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
          message: response.message,
        });
        onProgress?.('waiting');
      },
    };
    const mine: PendingSignIn = {
      cancel() {
        // MSAL checks this flag before each poll; the race below answers the caller at once.
        request.cancel = true;
        rejectCancelled(new SignInCancelledError());
      },
    };
    pending = mine;
    const result = app.acquireTokenByDeviceCode(request);
    result.catch(() => undefined);
    try {
      return await Promise.race([result, cancelled]);
    } finally {
      if (pending === mine) pending = null;
    }
  };

  const service: AuthServiceWithGraph = {
    cacheNotice: cache.reason,

    noteConditionalAccessPolicies(names) {
      policyNames = [...names];
    },

    async current() {
      const account = await activeAccount();
      if (!account) return { account: null, cachePersisted: cache.persisted };
      try {
        const result = await silentGraph(account);
        return { account: toAccount(result.account ?? account), cachePersisted: cache.persisted };
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return { account: null, cachePersisted: cache.persisted };
        throw mapAuthError(error);
      }
    },

    async signIn({ method, switchAccount, onDeviceCode, onProgress }) {
      if (cache.blocked) throw cache.blocked;
      if (pending) {
        throw new AppError({ code: 'sign-in-failed', message: 'A sign-in is already in progress.', nextStep: 'Finish or cancel it first.' });
      }
      try {
        if (!switchAccount) {
          const { account } = await service.current().catch(() => ({ account: null }));
          if (account) {
            onProgress?.('done');
            return account;
          }
        }
        const result =
          method === 'device-code'
            ? await deviceCode(onDeviceCode, onProgress)
            : await interactive({ scopes, ...(switchAccount ? { prompt: 'select_account' } : {}) }, onProgress);
        onProgress?.('exchanging');
        if (result) noteGranted(result);
        const account = await remember(result);
        onProgress?.('done');
        return account;
      } catch (error) {
        throw mapAuthError(error);
      }
    },

    cancel() {
      if (!pending) return false;
      pending.cancel();
      pending = null;
      return true;
    },

    async signOut() {
      let account: AccountInfo | null;
      try {
        account = await activeAccount();
      } catch (error) {
        // A damaged cache cannot be read, only removed: sign-out is how the user gets out of it.
        if (!(error instanceof AppError && error.code === 'token-cache-corrupted')) throw mapAuthError(error);
        await cache.clear();
        await active.clear();
        grantedGraphScopes = null;
        return true;
      }
      if (!account) return false;
      await app.getTokenCache().removeAccount(account);
      await active.clear();
      grantedGraphScopes = null;
      if ((await app.getAllAccounts()).length === 0) await cache.clear();
      return true;
    },

    async acquireSmtpToken(upn) {
      // Only the account named: pairing one user's name with another's token would test nothing real.
      if (cache.blocked) throw cache.blocked;
      const accounts = await app.getAllAccounts();
      const account = accounts.find((a) => a.username.toLowerCase() === upn.toLowerCase());
      if (!account) throw notSignedIn();
      const smtpScopes = [config.smtpScope];
      try {
        return (await silent(account, smtpScopes)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw mapAuthError(error);
      }
      // First use of SMTP.Send: the user consents once in the browser.
      try {
        const result = await interactive({ scopes: smtpScopes, loginHint: account.username });
        return result.accessToken;
      } catch (error) {
        throw mapAuthError(error);
      }
    },

    async acquireAccountToken(upn, scope) {
      const wanted = upn.trim().toLowerCase();
      const account = (await app.getAllAccounts()).find((a) => a.username.toLowerCase() === wanted);
      if (!account) throw notSignedIn();
      try {
        const result = await silent(account, [scope === 'smtp' ? config.smtpScope : config.imapScope]);
        return { accessToken: result.accessToken, expiresOn: result.expiresOn ?? null };
      } catch (error) {
        const mapped = mapAuthError(error);
        // A bare "interaction required" (no refresh token for this resource) means sign in again.
        if (error instanceof InteractionRequiredAuthError && mapped.code === 'sign-in-failed' && !/AADSTS\d+/.test(mapped.message)) throw notSignedIn();
        throw mapped;
      }
    },

    async signedInUpns() {
      return (await app.getAllAccounts()).map((a) => a.username);
    },

    async acquireGraphToken() {
      const account = await activeAccount();
      if (!account) throw notSignedIn();
      try {
        const result = await silentGraph(account);
        const claims = (result.idTokenClaims ?? account.idTokenClaims ?? {}) as { amr?: unknown; oid?: unknown };
        return {
          accessToken: result.accessToken,
          account: toAccount(result.account ?? account),
          userId: typeof claims.oid === 'string' ? claims.oid : account.localAccountId,
          amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
        };
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) throw notSignedIn();
        throw mapAuthError(error);
      }
    },

    async close() {
      pending?.cancel();
      await ownTrust?.close();
    },
  };
  return service;
}

/**
 * The tenant an admin-consent link must name: the configured one, or (for the multi-tenant
 * `organizations`/`common` authorities) the signed-in user's domain, a verified domain of theirs.
 */
function adminContext(values: ResolvedConfig['values'], clientId: string, user: string | null): AdminContext {
  const generic = ['common', 'organizations', 'consumers'].includes(values.tenant.toLowerCase());
  const domain = user?.split('@')[1];
  return { authorityHost: values.authorityHost, tenant: generic && domain ? domain : values.tenant, clientId, user };
}

function toAccount(account: AccountInfo): Account {
  return {
    upn: account.username,
    name: account.name ?? account.username,
    tenantId: account.tenantId,
    homeAccountId: account.homeAccountId,
  };
}

const notSignedIn = () =>
  new AppError({ code: 'not-signed-in', message: 'You are not signed in.', nextStep: 'Sign in first.' });

