import { mkdir } from 'node:fs/promises';
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import type { Account } from '../../shared/account';
import { noClientId, notSignedIn, signInInProgress } from '../../shared/errors/catalogue';
import { isAppError } from '../../shared/ipc/app-error';
import { cloudPresets } from '../config/clouds';
import type { ResolvedConfig } from '../config/resolved';
import { tokenCacheSuffix } from '../config/schema';
import { createMsalNetworkModule } from '../net/msal-network-module';
import { createTrust, type Trust } from '../net/trust';
import type { Platform } from '../platform-port';
import type { AuthService, SignInOptions } from '../services';
import { activeAccountStore } from './active-account';
import { signInSignal, untilAborted } from './sign-in-abort';
import { noteEntraError, withEntraErrors } from './entra-error-hint';
import { mapAuthError, SignInCancelledError, type AdminContext } from './map-auth-error';
import { signInWithBrowser, type BrowserSignInRequest } from './interactive';
import { grantedScopeMemory } from './granted-scope-memory';
import { authorityFor, createMsalApp } from './msal-app';
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
  /** How long a browser or device-code sign-in may wait for the user (default 10 minutes). */
  signInTimeoutMs?: number;
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
  if (!clientId) throw noClientId();
  const signInTimeoutMs = options.signInTimeoutMs ?? defaultSignInTimeoutMs;
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const serviceName = tokenCacheServiceName(config.values.keychainService);
  const cache = await (options.openCache ?? openTokenCache)({ cacheDir, serviceName });
  const ownTrust = options.trust ? null : createTrust(config.values.extraCaFile);
  const { dispatcher } = options.trust ?? ownTrust!;
  // The last account seen and the Conditional Access policies the readiness check read, so an
  // admin-only error can say who asks and what applies (never a secret). Knowledge, not a
  // per-call channel: what Entra answered a call stays with that call (withEntraErrors).
  let lastUser: string | null = null;
  let policyNames: readonly string[] = [];
  const admin = (): AdminContext => ({ ...adminContext(config.values, clientId, lastUser), policyNames });
  const app = createMsalApp({
    clientId,
    authorityHost: config.values.authorityHost,
    tenant: config.values.tenant,
    networkClient: createMsalNetworkModule(dispatcher, { onErrorBody: noteEntraError }),
    cachePlugin: cache.plugin,
  });
  const active = activeAccountStore(cacheDir);
  const scopes = graphScopes(config);
  // The sign-ins waiting for the user, so cancel() and close() can stop every one of them.
  const waiting = new Set<AbortController>();

  /** Runs one user interaction under its own signal: cancel(), the caller's signal, or the time limit. */
  const interaction = async <T>(caller: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const { signal, dispose } = signInSignal(controller, signInTimeoutMs, caller);
    waiting.add(controller);
    try {
      return await run(signal);
    } finally {
      waiting.delete(controller);
      dispose();
    }
  };

  const activeAccount = async (): Promise<AccountInfo | null> => {
    // A locked keyring reads as an empty cache: say "locked", not "nobody is signed in".
    if (cache.blocked) throw cache.blocked;
    const accounts = await app.getAllAccounts();
    const id = await active.read();
    const account = accounts.find((a) => a.homeAccountId === id) ?? accounts[0] ?? null;
    if (account) lastUser = account.username;
    return account;
  };

  const silent = (account: AccountInfo, forScopes: string[]) =>
    withEntraErrors(() => app.acquireTokenSilent({ account, scopes: forScopes }), admin);

  // Asking by the granted scopes finds MSAL's cached token; `.default` would refresh it.
  const granted = grantedScopeMemory(cacheDir, `${authorityFor(config.values.authorityHost, config.values.tenant)} ${scopes[0]}`);
  const silentGraph = async (account: AccountInfo) => {
    const known = await granted.usable(account.homeAccountId);
    const result = await silent(account, known ?? scopes).catch(async (error: unknown) => {
      if (!known) throw error;
      await granted.forget(account.homeAccountId);
      return silent(account, scopes);
    });
    await granted.note(result);
    return result;
  };

  const remember = async (result: AuthenticationResult): Promise<Account> => {
    if (!result.account) throw mapAuthError(new Error('no account in the token response'));
    await active.write(result.account.homeAccountId);
    return toAccount(result.account);
  };

  const browser = (request: BrowserSignInRequest, signal: AbortSignal, onProgress?: SignInOptions['onProgress']) => {
    onProgress?.('opening-browser');
    return withEntraErrors(() =>
      signInWithBrowser(
        app,
        request,
        async (url) => {
          // MSAL's authorize URL at the configured authority, never renderer input.
          await platform.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
          onProgress?.('waiting');
        },
        signal,
      ),
      admin,
    );
  };

  const deviceCode = (signal: AbortSignal, onDeviceCode: SignInOptions['onDeviceCode'], onProgress: SignInOptions['onProgress']) => {
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
    // MSAL checks this flag before each poll; untilAborted answers the caller at once.
    signal.addEventListener('abort', () => (request.cancel = true), { once: true });
    return withEntraErrors(() => untilAborted(app.acquireTokenByDeviceCode(request), signal), admin);
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
        throw error;
      }
    },

    async signIn({ method, switchAccount, onDeviceCode, onProgress, signal: caller }) {
      if (cache.blocked) throw cache.blocked;
      // Checked and claimed in the same turn: two calls cannot both pass.
      if (waiting.size > 0) throw signInInProgress();
      return interaction(caller, async (signal) => {
        if (!switchAccount) {
          const { account } = await service.current().catch(() => ({ account: null }));
          if (account) {
            onProgress?.('done');
            return account;
          }
        }
        const result =
          method === 'device-code'
            ? await deviceCode(signal, onDeviceCode, onProgress)
            : await browser({ scopes, ...(switchAccount ? { prompt: 'select_account' } : {}) }, signal, onProgress);
        onProgress?.('exchanging');
        if (!result) throw mapAuthError(new Error('no token response'));
        await granted.note(result);
        const account = await remember(result);
        onProgress?.('done');
        return account;
      });
    },

    cancel() {
      if (waiting.size === 0) return false;
      for (const controller of waiting) controller.abort(new SignInCancelledError());
      return true;
    },

    async signOut() {
      let account: AccountInfo | null;
      try {
        account = await activeAccount();
      } catch (error) {
        // A damaged cache cannot be read, only removed: sign-out is how the user gets out of it.
        if (!(isAppError(error) && error.code === 'token-cache-corrupted')) throw mapAuthError(error);
        await cache.clear();
        await active.clear();
        await granted.clear();
        return true;
      }
      if (!account) return false;
      await app.getTokenCache().removeAccount(account);
      await active.clear();
      await granted.forget(account.homeAccountId);
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
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
      // First use of SMTP.Send: the user consents once in the browser.
      const result = await interaction(undefined, (signal) => browser({ scopes: smtpScopes, loginHint: account.username }, signal));
      return result.accessToken;
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
      const result = await silentGraph(account).catch((error: unknown) => {
        throw error instanceof InteractionRequiredAuthError ? notSignedIn() : error;
      });
      const claims = (result.idTokenClaims ?? account.idTokenClaims ?? {}) as { amr?: unknown; oid?: unknown };
      return {
        accessToken: result.accessToken,
        account: toAccount(result.account ?? account),
        userId: typeof claims.oid === 'string' ? claims.oid : account.localAccountId,
        amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
      };
    },

    async close() {
      service.cancel();
      await ownTrust?.close();
    },
  };
  return service;
}

const defaultSignInTimeoutMs = 10 * 60_000;

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
