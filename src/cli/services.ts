import type { AuthServiceWithGraph } from '../main/auth';
import type { BridgeService } from '../main/bridge/bridge-service-types';
import type { Trust } from '../main/net/trust';
import type { ReadinessService, SmtpService, VaultService } from '../main/services';
import type { SmtpServiceOptions } from '../main/smtp';
import type { CliContext } from './context';
import type { TokenSource } from './report/graph-fetch';

/**
 * The same services the app composes (src/main/compose.ts), built one at a time and loaded
 * on first use: a command needs one or two of them, `config show` must not touch the
 * keychain, and MSAL, nodemailer and keytar together cost seconds of start-up.
 */
const authByContext = new WeakMap<CliContext, Promise<AuthServiceWithGraph>>();
const trustByContext = new WeakMap<CliContext, Promise<Trust>>();

/** The configuration's trust, built once per run and shared by sign-in, Graph, the report and SMTP. */
export function trustFor(context: CliContext): Promise<Trust> {
  let trust = trustByContext.get(context);
  if (!trust) {
    trust = (async () => {
      const [{ createTrust }, config] = await Promise.all([import('../main/net/trust'), context.config()]);
      return createTrust(config.values.extraCaFile);
    })();
    trustByContext.set(context, trust);
  }
  return trust;
}

export function authService(context: CliContext): Promise<AuthServiceWithGraph> {
  let auth = authByContext.get(context);
  if (!auth) {
    auth = (async () => {
      const [{ createAuthService }, { cliPlatform }, config] = await Promise.all([import('../main/auth'), import('./cli-platform'), context.config()]);
      return createAuthService({ config, platform: cliPlatform(context.io), cacheDir: context.tokenCacheDir, trust: await trustFor(context) });
    })();
    authByContext.set(context, auth);
  }
  return auth;
}

export async function readinessService(context: CliContext): Promise<ReadinessService & { close(): Promise<void> }> {
  const [{ createReadinessService }, config] = await Promise.all([import('../main/graph'), context.config()]);
  return createReadinessService({ config, auth: await authService(context), trust: await trustFor(context) });
}

export async function vaultService(context: CliContext): Promise<VaultService> {
  const [{ createVaultService }, config] = await Promise.all([import('../main/vault'), context.config()]);
  return createVaultService({ service: config.values.keychainService });
}

/** `ca` is a checked, absolute PEM path (see smtp-test): it replaces the configured extra CA for this login. */
export type SmtpOverrides = { host?: string; port?: number; ca?: string; timeoutSeconds?: number };

export async function smtpService(context: CliContext, overrides: SmtpOverrides): Promise<SmtpService> {
  // The TLS trust alone (tls-trust.ts): the full one would load undici, which SMTP never uses.
  const [{ createSmtpService }, { tlsTrust }, { values }] = await Promise.all([import('../main/smtp'), import('../main/net/tls-trust'), context.config()]);
  const options: SmtpServiceOptions = {
    host: overrides.host ?? values.smtpHost,
    port: overrides.port ?? values.smtpPort,
    trust: (overrides.ca === undefined ? await trustByContext.get(context) : undefined) ?? tlsTrust(overrides.ca ?? values.extraCaFile),
  };
  if (overrides.timeoutSeconds !== undefined) {
    const ms = overrides.timeoutSeconds * 1000;
    options.timeoutsMs = { connect: ms, greeting: ms, socket: ms };
  }
  return createSmtpService(options);
}

/** Access tokens live an hour or more; asking MSAL again after half an hour stays well inside that. */
const tokenReuseMs = 30 * 60 * 1000;

/**
 * The report's Graph token: the signed-in account's. Kept in memory between pages (each MSAL
 * lookup reads the keychain-backed cache) and asked for again after a 401 or half an hour.
 */
export async function graphReportTokenSource(context: CliContext): Promise<TokenSource> {
  const auth = await authService(context);
  // Fail before any file is touched when nobody is signed in.
  let token = (await auth.acquireGraphToken()).accessToken;
  let fetchedAt = Date.now();
  return async ({ forceRefresh }) => {
    if (forceRefresh || Date.now() - fetchedAt > tokenReuseMs) {
      token = (await auth.acquireGraphToken()).accessToken;
      fetchedAt = Date.now();
    }
    return token;
  };
}

/** Releases the auth service's connections so the process can exit promptly. */
export async function closeServices(context: CliContext): Promise<void> {
  const auth = authByContext.get(context);
  if (auth) await (await auth.catch(() => null))?.close();
  const trust = trustByContext.get(context);
  if (trust) await (await trust.catch(() => null))?.close();
}

/** The bridge over the same auth service and configuration as every other command. */
export async function bridgeService(context: CliContext, log?: (line: string) => void): Promise<BridgeService> {
  const [{ createBridgeService }, config, auth] = await Promise.all([import('../main/bridge'), context.config(), authService(context)]);
  return createBridgeService({ auth, config: config.values, dataDir: context.userDataDir, trust: await trustFor(context), ...(log ? { log } : {}) });
}
