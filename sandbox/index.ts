import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportSPKI } from 'jose';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createEntraHandler } from './entra/server';
import type { EntraContext } from './entra/context';
import { approveDeviceCode } from './entra/device-code';
import { EntraStore } from './entra/store';
import { FaultInjector, zeroCounters, type Counters, type FaultSettings } from './faults';
import { createGraphHandler } from './graph/server';
import type { GraphContext, GraphLogEntry } from './graph/context';
import { loadScenario } from './scenario/load';
import type { Scenario, ScenarioInput } from './scenario/schema';
import { completeDeviceSignIn, completeSignIn, signInSelectors, type SignInOutcome } from './sign-in-driver';
import type { ImapLogin } from './imap/dovecot';
import { startImap, type ImapOptions } from './imap/start';
import { demoMailbox, type SeedFolder } from './imap/seed';
import { startSmtpServer, type SmtpAuthLogEntry } from './smtp/server';
import { Tenant, type SandboxUser } from './state/tenant';
import { createSandboxTls } from './tls/certificates';
import { createSigningKeys } from './tokens/keys';
import type { TokenIssuer } from './tokens/claims';

export { exchangeReplies } from './smtp/replies';
export { exchangeImap } from './imap/replies';
export { demoMailbox, type SeedFolder, type SeedMessage } from './imap/seed';
export type { ImapLogin } from './imap/dovecot';
export type { ImapOptions } from './imap/start';
export { listScenarios, loadScenario } from './scenario/load';
export type { Scenario, ScenarioInput } from './scenario/schema';
export type { Counters, FaultSettings } from './faults';
export type { SignInOutcome } from './sign-in-driver';
export type { SandboxUser } from './state/tenant';
export type { SmtpAuthLogEntry } from './smtp/server';

export type StartSandboxOptions = {
  /**
   * A name in sandbox/scenarios/ or a scenario object. Objects are validated at run time, so a
   * plain object literal is accepted as well as a typed ScenarioInput. Default: ready-user.
   */
  scenario?: string | ScenarioInput | Record<string, unknown>;
  /** Added to every Entra token, Graph and SMTP AUTH reply (overrides the scenario's). */
  latencyMs?: number;
  host?: '127.0.0.1';
  /** Device-code polling interval told to clients (Entra says 5). */
  deviceCodeIntervalSeconds?: number;
  /** Fixed ports (0 or absent = any free port). */
  ports?: { entra?: number; graph?: number; smtp?: number };
  /** Exchange's IMAP stand-in (Dovecot). Default: on where Dovecot is installed. */
  imap?: ImapOptions;
};

export type SignInCredentials = { upn: string; password: string; mfaCode?: string };

export type Sandbox = {
  authority: string;
  authorityHost: string;
  tenantId: string;
  graphBaseUrl: string;
  smtp: { host: string; port: number };
  /** Every SMTP AUTH the server answered, oldest first (token claims only, never the token). */
  smtpAuthLog: SmtpAuthLogEntry[];
  /** Exchange Online's IMAP (implicit TLS) stand-in, or null when it is not running (see imapNote). */
  imap: { host: string; port: number } | null;
  /** Why `imap` is null (Dovecot not installed, turned off, failed to start); null when it runs. */
  imapNote: string | null;
  /** Successful IMAP logins so far (user, SASL mechanism), oldest first; [] without IMAP. */
  imapLogins(): ImapLogin[];
  /** Dovecot's master process and its temp folder, for tests that check stop() leaves nothing behind. */
  imapProcess: { pid: number; dir: string } | null;
  /** The demo mailbox seeded for a user: folder names and the exact bytes of each message. */
  mailboxSeed(upn: string): SeedFolder[];
  caPemPath: string;
  caPem: string;
  /**
   * A policy naming the sandbox's sign-in and Graph hosts: the app accepts non-Microsoft hosts
   * only from a policy (M365_CONNECT_POLICY works where the machine has none of its own).
   */
  policyPath: string;
  clientId: string;
  /** The parsed scenario; `scenario.tenant` is live (the tenant reads it on every request). */
  scenario: Scenario;
  /** Live counters; resetCounters() zeroes them in place. */
  counters: Counters;
  resetCounters(): void;
  /** Graph HTTP requests seen (method, path, status), oldest first. */
  graphLog: GraphLogEntry[];
  faults: { set(faults: FaultSettings): void; clear(): void };
  setLatency(ms: number): void;
  /** Creates an app password as the security-info page would and returns it (shown once). */
  createAppPassword(upn: string, name: string): string;
  /** The live user record: change it (perUserMfa, methods, smtpAuth...) to change the tenant. */
  user(upn: string): SandboxUser;
  /** App password names of a user (secrets are never readable again). */
  appPasswordNames(upn: string): string[];
  /** Signs out everywhere: refresh tokens of this user stop working. */
  revokeSessions(upn: string): void;
  /** Ages the user's refresh tokens past 90 days of inactivity: the next refresh answers AADSTS700082. */
  expireRefreshTokens(upn: string): void;
  /** Lifetime of access and ID tokens issued from now on (the scenario's accessTokenLifetimeSeconds). */
  setAccessTokenLifetime(seconds: number): void;
  signInPage: typeof signInSelectors;
  /**
   * Completes the sign-in page open in `page` (password, then the MFA code when asked; the
   * scenario's code by default). Resolves once the browser has left the sandbox for the app's
   * redirect URI (with a code or an Entra error) or reached the device/security-info page;
   * rejects with a SignInRejectedError when the page refused the password or the code.
   */
  completeSignIn(page: Page, credentials: SignInCredentials): Promise<void>;
  completeDeviceSignIn(page: Page, input: SignInCredentials & { userCode: string }): Promise<void>;
  /** Like completeSignIn, but reports where the page ended up instead of throwing. */
  trySignIn(page: Page, credentials: SignInCredentials): Promise<SignInOutcome>;
  /** Approves a pending device code without a browser, as if `upn` signed in (with MFA when required). */
  approveDeviceCode(userCode: string, upn: string): void;
  /** Expires every pending device code now: the next poll answers expired_token (AADSTS70020). */
  expireDeviceCodes(): void;
  securityInfoUrl: string;
  deviceLoginUrl: string;
  stop(): Promise<void>;
};

export class SignInRejectedError extends Error {
  constructor(readonly outcome: SignInOutcome) {
    super(`The sandbox sign-in did not complete: ${outcome}.`);
    this.name = 'SignInRejectedError';
  }
}

function expectSuccess(outcome: SignInOutcome): void {
  if (outcome === 'password-rejected' || outcome === 'mfa-rejected' || outcome === 'error-page') throw new SignInRejectedError(outcome);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function guard(handler: (req: Parameters<Parameters<typeof createServer>[1] & object>[0], res: Parameters<Parameters<typeof createServer>[1] & object>[1]) => Promise<void>) {
  return (req: Parameters<typeof handler>[0], res: Parameters<typeof handler>[1]): void => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'server_error', error_description: `Sandbox failure: ${error instanceof Error ? error.message : String(error)}` }));
      } else res.destroy();
    });
  };
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const scenario = loadScenario(options.scenario ?? 'ready-user');
  const host = options.host ?? '127.0.0.1';
  const tenant = new Tenant(scenario);
  const [tls, keys] = await Promise.all([createSandboxTls(), createSigningKeys()]);
  const counters = zeroCounters();
  const faults = new FaultInjector(scenario.faults);
  let latency = options.latencyMs ?? scenario.latencyMs;
  const latencyMs = (): number => latency;

  const entraServer = createServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' });
  const graphServer = createServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' });
  const entraPort = await listen(entraServer, host, options.ports?.entra ?? 0);
  const graphPort = await listen(graphServer, host, options.ports?.graph ?? 0);
  const authorityHost = `https://${host}:${entraPort}`;
  const graphBaseUrl = `https://${host}:${graphPort}`;
  const tokens: TokenIssuer = { issuer: `${authorityHost}/${tenant.id}/v2.0`, tenantId: tenant.id, clientId: scenario.app.clientId, appName: scenario.app.displayName, keys, lifetimeSeconds: scenario.accessTokenLifetimeSeconds };

  const store = new EntraStore();
  const entra: EntraContext = { tenant, store, tokens, host: authorityHost, counters, latencyMs, deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds ?? scenario.deviceCodeIntervalSeconds };
  const graphLog: GraphLogEntry[] = [];
  const graph: GraphContext = { tenant, tokens, base: graphBaseUrl, counters, faults, latencyMs, log: graphLog };
  entraServer.on('request', guard(createEntraHandler(entra)));
  graphServer.on('request', guard(createGraphHandler(graph)));
  const smtpAuthLog: SmtpAuthLogEntry[] = [];
  const smtp = await startSmtpServer({ tenant, tokens, counters, faults, latencyMs, tls: { key: tls.key, cert: tls.cert }, authLog: smtpAuthLog }, host);
  const imap = await startImap(options.imap, {
    host,
    issuer: tokens.issuer,
    signingKey: { kid: keys.kid, pem: await exportSPKI(keys.publicKey) },
    tls: { key: tls.key, cert: tls.cert, caPem: tls.caPem },
    mailboxes: tenant.users.map((user) => ({ upn: user.upn, folders: demoMailbox(user.upn) })),
  });

  const userOrThrow = (upn: string): SandboxUser => {
    const user = tenant.findUser(upn);
    if (!user) throw new Error(`No user ${upn} in scenario ${scenario.name}`);
    return user;
  };
  const mfaCodeFor = (credentials: SignInCredentials): string => credentials.mfaCode ?? tenant.findUser(credentials.upn)?.mfaCode ?? '';
  const closeHttps = (server: Server): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const policyPath = join(tls.dir, 'sandbox-policy.json');
  writeFileSync(policyPath, `${JSON.stringify({ authorityHost, graphBaseUrl }, null, 2)}\n`, { mode: 0o644 });

  return {
    policyPath,
    authority: `${authorityHost}/${tenant.id}`,
    authorityHost,
    tenantId: tenant.id,
    graphBaseUrl,
    smtp: { host: smtp.host, port: smtp.port },
    smtpAuthLog,
    imap: imap.server ? { host: imap.server.host, port: imap.server.port } : null,
    imapNote: imap.note,
    imapLogins: () => imap.server?.logins() ?? [],
    imapProcess: imap.server ? { pid: imap.server.pid, dir: imap.server.dir } : null,
    mailboxSeed: (upn) => demoMailbox(userOrThrow(upn).upn),
    caPemPath: tls.caPemPath,
    caPem: tls.caPem,
    clientId: scenario.app.clientId,
    scenario,
    counters,
    resetCounters: () => void Object.assign(counters, zeroCounters()),
    graphLog,
    faults: { set: (settings) => faults.set(settings), clear: () => faults.clear() },
    setLatency: (ms) => {
      latency = ms;
    },
    createAppPassword: (upn, name) => tenant.createAppPassword(userOrThrow(upn), name),
    user: userOrThrow,
    appPasswordNames: (upn) => userOrThrow(upn).appPasswords.map((entry) => entry.name),
    revokeSessions: (upn) => store.revokeRefreshTokens(userOrThrow(upn).upn),
    expireRefreshTokens: (upn) => store.expireRefreshTokens(userOrThrow(upn).upn),
    setAccessTokenLifetime: (seconds) => {
      tokens.lifetimeSeconds = seconds;
    },
    signInPage: signInSelectors,
    completeSignIn: async (page, credentials) => expectSuccess(await completeSignIn(page, authorityHost, { ...credentials, mfaCode: mfaCodeFor(credentials) })),
    completeDeviceSignIn: async (page, input) =>
      expectSuccess(await completeDeviceSignIn(page, authorityHost, `${authorityHost}/devicelogin`, { ...input, mfaCode: mfaCodeFor(input) })),
    trySignIn: (page, credentials) => completeSignIn(page, authorityHost, { ...credentials, mfaCode: mfaCodeFor(credentials) }),
    approveDeviceCode: (userCode, upn) => approveDeviceCode(entra, userCode, userOrThrow(upn), true),
    expireDeviceCodes: () => store.expireDeviceCodes(),
    securityInfoUrl: `${authorityHost}/security-info`,
    deviceLoginUrl: `${authorityHost}/devicelogin`,
    stop: async () => {
      await Promise.all([closeHttps(entraServer), closeHttps(graphServer), smtp.close(), imap.server?.close()]);
      rmSync(tls.dir, { recursive: true, force: true });
    },
  };
}
