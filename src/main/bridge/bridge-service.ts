import net from 'node:net';
import tls from 'node:tls';
import type { BridgeListener, BridgeProtocol, BridgeStatus } from '../../shared/bridge/status';
import { AppError } from '../../shared/ipc/app-error';
import type { AccountTokenSource } from '../auth/auth-service';
import type { ResolvedValues } from '../config/resolved';
import type { Trust } from '../net/trust';
import { AccountBook } from './account-status';
import { createBridgeLogin } from './bridge-login';
import { acquireLock, bridgeFolder, readBridgeState, releaseLock, updateLock, writeStateFile } from './bridge-lock';
import { bridgeKeychainService, createBridgePasswords, type BridgePasswords } from './bridge-passwords';
import type { BridgeEvent, BridgeService, BridgeStartOptions } from './bridge-service-types';
import { runImapSession } from './imap-session';
import { loadOrCreateLocalCertificate } from './local-certificate';
import { runSmtpSession } from './smtp-session';
import { createBridgeTokenCache } from './token-cache';

export type BridgeConfig = Pick<
  ResolvedValues,
  'smtpHost' | 'smtpPort' | 'imapHost' | 'imapPort' | 'bridgeSmtpPort' | 'bridgeImapPort' | 'keychainService'
>;

export type CreateBridgeServiceOptions = {
  auth: AccountTokenSource;
  config: BridgeConfig;
  /** The app's per-user data folder: the bridge keeps its certificate, lock and state under bridge/. */
  dataDir: string;
  /** The process's trust (net/trust.ts createTrust: system store plus extraCaFile), shared with sign-in and SMTP. */
  trust: Pick<Trust, 'secureContext'>;
  /** Default: the OS keychain under `<keychainService>-bridge`. */
  passwords?: BridgePasswords;
  /** Cause ids and counts only, never a secret. */
  log?: (line: string) => void;
  upstreamTimeoutMs?: number;
  /** How long open sessions may go on after stop() before they are cut. */
  stopGraceMs?: number;
};

/** Loopback only: nothing on the network can reach the bridge. */
export const bridgeHost = '127.0.0.1';

export function createBridgeService(options: CreateBridgeServiceOptions): BridgeService {
  const { config, dataDir } = options;
  const log = options.log ?? (() => undefined);
  const passwords = options.passwords ?? createBridgePasswords({ service: bridgeKeychainService(config.keychainService) });
  const tokens = createBridgeTokenCache(options.auth);
  const book = new AccountBook();
  const listeners = new Set<(event: BridgeEvent) => void>();
  const sockets = new Set<net.Socket>();
  let servers: { protocol: BridgeProtocol; server: net.Server; port: number }[] = [];
  let state: BridgeStatus['state'] = 'stopped';
  let sessionsOpen = 0;
  let stateWrite: Promise<void> = Promise.resolve();

  const emit = (event: BridgeEvent) => {
    for (const listener of listeners) listener(event);
  };
  const status = (): BridgeStatus => ({
    state,
    owner: state === 'stopped' ? null : 'this-process',
    pid: state === 'stopped' ? null : process.pid,
    listeners: servers.map(({ protocol, port }): BridgeListener => ({ protocol, host: bridgeHost, port, starttls: true })),
    accounts: book.list(),
    sessionsOpen,
    health: book.health(),
  });
  // At most one write in flight and one queued: a burst of sessions costs two writes, and the
  // file always ends with the latest status.
  let writeQueued = false;
  const persist = () => {
    if (writeQueued) return;
    writeQueued = true;
    stateWrite = stateWrite
      .then(() => {
        writeQueued = false;
        return state === 'stopped' ? undefined : writeStateFile(dataDir, status());
      })
      .catch(() => undefined);
  };
  const changed = () => {
    if (state !== 'stopped') persist();
    emit({ type: 'status', status: status() });
  };

  const { secureContext } = options.trust;
  const timeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const login = createBridgeLogin({
    passwords,
    tokens,
    upstream: {
      smtp: { host: config.smtpHost, port: config.smtpPort, secureContext, timeoutMs },
      imap: { host: config.imapHost, port: config.imapPort, secureContext, timeoutMs },
    },
    paused: () => state === 'paused',
    report: {
      succeeded(upn, protocol) {
        book.succeeded(upn);
        log(`${protocol} login for ${upn.toLowerCase()} relayed`);
        changed();
      },
      failed(upn, protocol, cause, message) {
        log(`${protocol} login for ${upn.trim().toLowerCase()} failed: ${cause}`);
        // Unknown user names are not accounts: recording them would let anyone grow the status.
        if (cause === 'wrong-local-password' && !book.has(upn)) return;
        const first = book.failed(upn, protocol, cause, message);
        if (first) emit({ type: 'login-failed', upn: upn.trim().toLowerCase(), protocol, cause, message });
        changed();
      },
    },
  });

  const relayed = (upn: string) => {
    sessionsOpen += 1;
    book.opened(upn);
    changed();
    return () => {
      sessionsOpen -= 1;
      book.closed(upn);
      changed();
    };
  };

  const listen = (protocol: BridgeProtocol, port: number, onSocket: (socket: net.Socket) => Promise<void>) =>
    new Promise<{ protocol: BridgeProtocol; server: net.Server; port: number }>((resolve, reject) => {
      const server = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined); // a tool hanging up is not the bridge's failure
        socket.on('close', () => sockets.delete(socket));
        onSocket(socket).catch(() => socket.destroy());
      });
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          new AppError({
            code: 'config-invalid',
            message: `The bridge cannot listen on ${bridgeHost}:${port} for ${protocol.toUpperCase()} (${error.code ?? 'error'}).`,
            nextStep: `Stop whatever uses that port, or choose another with \`m365-connect config set bridge${protocol === 'smtp' ? 'Smtp' : 'Imap'}Port <port>\`.`,
          }),
        );
      });
      server.listen(port, bridgeHost, () => resolve({ protocol, server, port: (server.address() as net.AddressInfo).port }));
    });

  const closeServers = async () => {
    await Promise.all(servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };

  const service: BridgeService = {
    async start(startOptions: BridgeStartOptions = {}) {
      if (state !== 'stopped') return status();
      const startedAt = new Date().toISOString();
      const lock = await acquireLock(dataDir, { pid: process.pid, smtpPort: -1, imapPort: -1, startedAt });
      if (!lock.ok) return readBridgeState(dataDir);
      try {
        const certificate = await loadOrCreateLocalCertificate(bridgeFolder(dataDir));
        const secureContext = tls.createSecureContext({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.2' });
        servers = [];
        servers.push(
          await listen('smtp', startOptions.smtpPort ?? config.bridgeSmtpPort, (socket) =>
            runSmtpSession(socket, { secureContext, login: login.smtp, relayed }),
          ),
        );
        servers.push(
          await listen('imap', startOptions.imapPort ?? config.bridgeImapPort, (socket) =>
            runImapSession(socket, { secureContext, login: login.imap, relayed }),
          ),
        );
        await updateLock(dataDir, { pid: process.pid, smtpPort: servers[0]!.port, imapPort: servers[1]!.port, startedAt });
      } catch (error) {
        await closeServers();
        servers = [];
        await releaseLock(dataDir);
        throw error;
      }
      for (const upn of await options.auth.signedInUpns().catch(() => [])) book.known(upn);
      state = 'running';
      changed();
      await stateWrite;
      return status();
    },

    async stop() {
      if (state === 'stopped') return;
      const closed = closeServers();
      // Open sessions may finish what they are doing, briefly; then they are cut.
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.stopGraceMs ?? 2000).unref());
      await Promise.race([closed, grace]);
      for (const socket of sockets) socket.destroy();
      await closed;
      servers = [];
      state = 'stopped';
      await stateWrite;
      await releaseLock(dataDir);
      changed();
    },

    async pause() {
      if (state !== 'running') return;
      state = 'paused';
      changed();
    },

    async resume() {
      if (state !== 'paused') return;
      state = 'running';
      changed();
    },

    status,

    async password(upn, { rotate = false } = {}) {
      const wanted = upn.trim().toLowerCase();
      const signedIn = (await options.auth.signedInUpns()).some((candidate) => candidate.toLowerCase() === wanted);
      if (!signedIn) {
        throw new AppError({
          code: 'not-signed-in',
          message: `${wanted} is not signed in, so it has no bridge password.`,
          nextStep: `Run \`m365-connect sign-in\` as ${wanted} first.`,
        });
      }
      const password = await passwords.get(wanted, { rotate });
      book.known(wanted);
      return password;
    },

    clearFailure(upn) {
      book.clear(upn);
      tokens.forget(upn);
      changed();
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}
