import type { Server, Socket } from 'node:net';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { createTestCa, type TestCa, type TestCertificate } from './test-pki';

/**
 * A local SMTP submission server for the client's tests, with real TLS, that records what it
 * received: every command name (so a test can assert that AUTH never arrived) and every AUTH
 * attempt (with the credentials, so a test can check the client sent the right ones).
 */
export type AuthAnswer = { accept: true } | { accept: false; code: number; text: string };

export type TestSmtpServerOptions = {
  certificate?: TestCertificate;
  /** false: STARTTLS is neither advertised nor accepted (AUTH is then offered in clear, as a trap). */
  offerStartTls?: boolean;
  /** e.g. 'TLSv1.1' for a server stuck on old TLS. */
  maxTlsVersion?: 'TLSv1' | 'TLSv1.1';
  greetingDelayMs?: number;
  /** Destroys the connection as soon as AUTH arrives, before any answer. */
  dropMidAuth?: boolean;
  authMethods?: string[];
  answer?: (auth: SMTPServerAuthentication) => AuthAnswer;
};

export type TestSmtpServer = {
  port: number;
  /** Command names received, in order, across all connections. */
  commands: string[];
  auths: SMTPServerAuthentication[];
  /** TCP connections accepted so far, whether or not they ever said anything. */
  connections(): number;
  /** Connections accepted and not yet closed. */
  openConnections(): number;
  close(): Promise<void>;
};

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const commands: string[] = [];
  const auths: SMTPServerAuthentication[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const offerStartTls = options.offerStartTls ?? true;
  const answer = options.answer ?? (() => ({ accept: true }) as const);

  const record = (entry: unknown) => {
    if (entry && typeof entry === 'object' && 'tnx' in entry && entry.tnx === 'command' && 'command' in entry) {
      commands.push(String(entry.command).toUpperCase());
    }
  };
  const quiet = () => undefined;
  const serverOptions: SMTPServerOptions = {
    secure: false,
    name: 'test.smtp.local',
    authMethods: options.authMethods ?? ['LOGIN', 'XOAUTH2'],
    hideENHANCEDSTATUSCODES: true,
    disableReverseLookup: true, // a reverse DNS lookup per connection would dominate every timing
    disabledCommands: offerStartTls ? [] : ['STARTTLS'],
    // Without STARTTLS the server would accept AUTH in clear: the trap a careless client falls into.
    allowInsecureAuth: !offerStartTls,
    ...(options.certificate ? { key: options.certificate.key, cert: options.certificate.cert } : {}),
    ...(options.maxTlsVersion ? { maxVersion: options.maxTlsVersion, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    logger: { level: () => 'debug', trace: quiet, debug: record, info: quiet, warn: quiet, error: quiet, fatal: quiet } as unknown as SMTPServerOptions['logger'],
    onConnect(_session, callback) {
      if (options.greetingDelayMs) setTimeout(() => callback(), options.greetingDelayMs);
      else callback();
    },
    onAuth(auth, _session, callback) {
      auths.push(auth);
      if (options.dropMidAuth) {
        for (const socket of sockets) socket.destroy();
        return;
      }
      const verdict = answer(auth);
      if (verdict.accept) return callback(null, { user: auth.username });
      callback(Object.assign(new Error(verdict.text), { responseCode: verdict.code }));
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined);
  const netServer = (server as unknown as { server: Server }).server;
  netServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    accepted += 1;
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = netServer.address();
  if (!address || typeof address === 'string') throw new Error('test SMTP server has no port');
  return {
    port: address.port,
    commands,
    auths,
    connections: () => accepted,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a test file: a test CA made before the tests, servers with certificates it issued, all
 * closed after the tests.
 */
export function testSmtpServersWithCa(): { ca(): TestCa; server(options?: TestSmtpServerOptions): Promise<TestSmtpServer> } {
  let ca: TestCa | undefined;
  const servers: TestSmtpServer[] = [];
  beforeAll(async () => {
    ca = await createTestCa();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  const made = () => {
    if (!ca) throw new Error('the test CA is made in beforeAll');
    return ca;
  };
  return {
    ca: made,
    async server(options = {}) {
      const started = await startTestSmtpServer({ certificate: await made().issue(), ...options });
      servers.push(started);
      return started;
    },
  };
}
