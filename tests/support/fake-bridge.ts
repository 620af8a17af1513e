import { createServer, type Server, type Socket } from 'node:net';
import type { BridgeEvent, BridgeService, BridgeStartOptions } from '../../src/main/bridge/bridge-service-types';
import type { BridgeFailureCause, BridgeProtocol, BridgeStatus } from '../../src/shared/bridge/status';

/**
 * A stand-in for the real bridge with real 127.0.0.1 listeners: enough SMTP (EHLO, AUTH LOGIN /
 * PLAIN, QUIT) and IMAP (CAPABILITY, LOGIN, LIST, LOGOUT) for swaks, curl and the app's own test
 * login. "Upstream" is a switch the test flips: ok, or a failure cause, answered with the replies
 * the bridge's interface promises (SMTP 535 / 454, IMAP NO [AUTHENTICATIONFAILED] / [UNAVAILABLE]).
 */
export type FakeBridge = BridgeService & {
  upstream: BridgeFailureCause | 'ok';
  readonly logins: { protocol: BridgeProtocol; upn: string; ok: boolean }[];
  passwords: Map<string, string>;
};

const reply: Partial<Record<BridgeFailureCause, { smtp: string; imap: string }>> = {
  'wrong-local-password': { smtp: '535 5.7.8 Wrong user name or bridge password', imap: 'NO [AUTHENTICATIONFAILED] Wrong user name or bridge password' },
  'refresh-token-revoked': {
    smtp: '535 5.7.8 Microsoft 365 no longer accepts the saved sign-in: sign in again (run m365-connect sign-in)',
    imap: 'NO [AUTHENTICATIONFAILED] Microsoft 365 no longer accepts the saved sign-in: sign in again (run m365-connect sign-in)',
  },
  'smtp-auth-disabled': { smtp: '535 5.7.139 SMTP AUTH is disabled for this mailbox: ask your admin', imap: 'NO [AUTHENTICATIONFAILED] SMTP AUTH is disabled' },
};
const replyFor = (cause: BridgeFailureCause, protocol: BridgeProtocol) =>
  reply[cause]?.[protocol] ?? (protocol === 'smtp' ? '454 4.7.0 The bridge could not log in upstream' : 'NO [UNAVAILABLE] The bridge could not log in upstream');

export function createFakeBridge(options: { owner?: 'this-process' | 'other-process' } = {}): FakeBridge {
  let state: BridgeStatus['state'] = 'stopped';
  const servers: Server[] = [];
  const listeners: BridgeStatus['listeners'] = [];
  const accounts = new Map<string, BridgeStatus['accounts'][number]>();
  const subscribers = new Set<(event: BridgeEvent) => void>();
  const sockets = new Set<Socket>();
  const logins: FakeBridge['logins'] = [];
  const passwords = new Map<string, string>();

  const status = (): BridgeStatus => ({
    state,
    owner: state === 'stopped' ? null : (options.owner ?? 'this-process'),
    pid: state === 'stopped' ? null : process.pid,
    listeners: [...listeners],
    accounts: [...accounts.values()],
    sessionsOpen: sockets.size,
    health: [...accounts.values()].some((account) => account.lastError) ? 'needs-sign-in' : 'ok',
  });
  const emit = (event: BridgeEvent) => subscribers.forEach((listener) => listener(event));
  const account = (upn: string) => {
    const key = upn.toLowerCase();
    const found = accounts.get(key) ?? { upn: key, sessionsOpen: 0, lastError: null, lastSuccessAt: null };
    accounts.set(key, found);
    return found;
  };

  /** The local login, then "upstream": the outcome the tool hears. */
  const login = (protocol: BridgeProtocol, upn: string, password: string): { ok: true } | { ok: false; cause: BridgeFailureCause } => {
    if (state === 'paused') return { ok: false, cause: 'upstream-unreachable' };
    const expected = passwords.get(upn.toLowerCase());
    if (expected === undefined || expected !== password) {
      logins.push({ protocol, upn, ok: false });
      return { ok: false, cause: 'wrong-local-password' };
    }
    const entry = account(upn);
    if (fake.upstream !== 'ok') {
      const first = entry.lastError === null;
      entry.lastError = { cause: fake.upstream, protocol, at: new Date().toISOString(), message: replyFor(fake.upstream, protocol) };
      logins.push({ protocol, upn, ok: false });
      if (first) emit({ type: 'login-failed', upn: entry.upn, protocol, cause: fake.upstream, message: entry.lastError.message });
      emit({ type: 'status', status: status() });
      return { ok: false, cause: fake.upstream };
    }
    entry.lastError = null;
    entry.lastSuccessAt = new Date().toISOString();
    logins.push({ protocol, upn, ok: true });
    emit({ type: 'status', status: status() });
    return { ok: true };
  };

  const smtpSession = (socket: Socket) => {
    const send = (line: string) => socket.write(`${line}\r\n`);
    let stage: 'command' | 'login-user' | 'login-pass' = 'command';
    let user = '';
    send('220 127.0.0.1 m365-connect bridge ready');
    lines(socket, (line) => {
      const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');
      const finish = (upn: string, password: string) => {
        const outcome = login('smtp', upn, password);
        send(outcome.ok ? '235 2.7.0 Authentication successful' : replyFor(outcome.cause, 'smtp'));
        stage = 'command';
      };
      if (stage === 'login-user') {
        user = decode(line);
        stage = 'login-pass';
        return send('334 UGFzc3dvcmQ6');
      }
      if (stage === 'login-pass') return finish(user, decode(line));
      const [verb = '', ...rest] = line.split(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          return send('250-127.0.0.1\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME');
        case 'AUTH':
          if (rest[0]?.toUpperCase() === 'PLAIN' && rest[1]) {
            const [, upn = '', password = ''] = decode(rest[1]).split('\u0000');
            return finish(upn, password);
          }
          stage = 'login-user';
          return send('334 VXNlcm5hbWU6');
        case 'QUIT':
          send('221 2.0.0 Bye');
          return socket.end();
        default:
          return send('502 5.5.2 Not implemented in the test bridge');
      }
    });
  };

  const imapSession = (socket: Socket) => {
    const send = (line: string) => socket.write(`${line}\r\n`);
    let authed = false;
    send('* OK [CAPABILITY IMAP4rev1] m365-connect bridge ready');
    lines(socket, (line) => {
      const match = /^(\S+) (\S+)(?: (.*))?$/.exec(line);
      if (!match) return send('* BAD');
      const [, tag, command = '', args = ''] = match;
      switch (command.toUpperCase()) {
        case 'CAPABILITY':
          send('* CAPABILITY IMAP4rev1');
          return send(`${tag} OK CAPABILITY completed`);
        case 'LOGIN': {
          const [upn = '', password = ''] = parseStrings(args);
          const outcome = login('imap', upn, password);
          authed = outcome.ok;
          return send(outcome.ok ? `${tag} OK LOGIN completed` : `${tag} ${replyFor(outcome.cause, 'imap')}`);
        }
        case 'LIST':
          if (!authed) return send(`${tag} NO not logged in`);
          send('* LIST (\\HasNoChildren) "/" INBOX');
          return send(`${tag} OK LIST completed`);
        case 'LOGOUT':
          send('* BYE');
          send(`${tag} OK LOGOUT completed`);
          return socket.end();
        default:
          return send(`${tag} BAD not implemented in the test bridge`);
      }
    });
  };

  const listen = (protocol: BridgeProtocol, port: number, session: (socket: Socket) => void) =>
    new Promise<void>((resolve, reject) => {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => {
          sockets.delete(socket);
          if (state !== 'stopped') emit({ type: 'status', status: status() });
        });
        socket.on('error', () => undefined);
        session(socket);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        if (address === null || typeof address === 'string') return reject(new Error('no address'));
        servers.push(server);
        listeners.push({ protocol, host: '127.0.0.1', port: address.port, starttls: false });
        resolve();
      });
    });

  const fake: FakeBridge = {
    upstream: 'ok',
    logins,
    passwords,
    async start(start: BridgeStartOptions = {}) {
      if (state !== 'stopped') return status();
      await listen('smtp', start.smtpPort ?? 0, smtpSession);
      await listen('imap', start.imapPort ?? 0, imapSession);
      state = 'running';
      emit({ type: 'status', status: status() });
      return status();
    },
    async stop() {
      sockets.forEach((socket) => socket.destroy());
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      servers.length = 0;
      listeners.length = 0;
      state = 'stopped';
    },
    async pause() {
      state = 'paused';
      emit({ type: 'status', status: status() });
    },
    async resume() {
      state = 'running';
      emit({ type: 'status', status: status() });
    },
    status,
    async password(upn, passwordOptions = {}) {
      const key = upn.toLowerCase();
      if (!passwords.has(key) || passwordOptions.rotate) passwords.set(key, `bridge-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-x"y\\z`);
      return passwords.get(key) as string;
    },
    clearFailure(upn) {
      const entry = accounts.get(upn.toLowerCase());
      if (entry) entry.lastError = null;
      emit({ type: 'status', status: status() });
    },
    onEvent(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
  return fake;
}

function lines(socket: Socket, onLine: (line: string) => void) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let index: number;
    while ((index = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, index).replace(/\r$/, ''));
      buffer = buffer.slice(index + 1);
    }
  });
}

/** IMAP astrings: quoted (with \\ escapes) or atoms. */
function parseStrings(text: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) out.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? ''));
  return out;
}
