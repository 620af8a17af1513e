import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { connect } from 'node:tls';
import { dovecotConfig, oauth2PassdbConfig, refusalEnv, type DovecotConfigInput } from './dovecot-config';
import { writeMaildir } from './maildir';
import { exchangeImap } from './replies';
import type { SeedFolder } from './seed';

/** Where Debian puts it (/usr/sbin is not on every user's PATH), then PATH. */
export function findDovecot(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = join(dir, 'dovecot');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type Account = DovecotConfigInput['user'];

function entries(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':'));
}

const groupName = (gid: number): string => entries('/etc/group').find((fields) => Number(fields[2]) === gid)?.[0] ?? String(gid);

/**
 * Dovecot runs as the sandbox's own user. Started as root (CI containers), it runs as the
 * unprivileged `nobody` instead: Dovecot never needs root here, and must not keep it.
 */
function runAccount(): Account {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username, group: groupName(me.gid), uid: me.uid, gid: me.gid };
  const nobody = entries('/etc/passwd').find((fields) => fields[0] === 'nobody');
  if (!nobody) throw new Error('no unprivileged "nobody" account to run Dovecot as');
  const gid = Number(nobody[3]);
  return { name: 'nobody', group: groupName(gid), uid: Number(nobody[2]), gid };
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

export type DovecotStartInput = {
  binary: string;
  host: '127.0.0.1';
  issuer: string;
  /** Public signing key (SPKI PEM) and its kid, as published in the JWKS. */
  signingKey: { kid: string; pem: string };
  tls: { key: string; cert: string; caPem: string };
  /** Mailbox seed per user (UPN). */
  mailboxes: Array<{ upn: string; folders: SeedFolder[] }>;
  /** How long to wait for the first greeting. */
  readyTimeoutMs?: number;
};

export type ImapLogin = { user: string; method: string };
export type RunningDovecot = {
  host: string;
  port: number;
  dir: string;
  pid: number;
  /** Successful logins so far, oldest first, from Dovecot's log (user and SASL mechanism). */
  logins: () => ImapLogin[];
  close: () => Promise<void>;
};

function readLogins(logPath: string): ImapLogin[] {
  let text = '';
  try {
    text = readFileSync(logPath, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/imap-login: Info: Login: user=<([^>]*)>, method=([A-Za-z0-9-]+)/g)].map((match) => ({ user: match[1] ?? '', method: match[2] ?? '' }));
}

function greets(host: string, port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, ca, servername: 'localhost' });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('* OK')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function startOnce(input: DovecotStartInput, port: number): Promise<RunningDovecot> {
  const account = runAccount();
  const dir = mkdtempSync(join(tmpdir(), 'm365-sandbox-imap-'));
  chmodSync(dir, 0o755);
  const config: DovecotConfigInput = {
    dir,
    port,
    user: account,
    issuer: input.issuer,
    tlsCertPath: join(dir, 'tls', 'cert.pem'),
    tlsKeyPath: join(dir, 'tls', 'key.pem'),
    keyDictDir: join(dir, 'keys'),
  };
  mkdirSync(join(dir, 'tls'), { mode: 0o700 });
  writeFileSync(config.tlsCertPath, input.tls.cert, { mode: 0o600 });
  writeFileSync(config.tlsKeyPath, input.tls.key, { mode: 0o600 });
  // Lookup key /shared/<azp or "default">/<alg>/<kid>; Entra's v1 access tokens carry no azp.
  mkdirSync(join(config.keyDictDir, 'default', 'RS256'), { recursive: true });
  writeFileSync(join(config.keyDictDir, 'default', 'RS256', input.signingKey.kid), input.signingKey.pem);
  for (const mailbox of input.mailboxes) writeMaildir(join(dir, 'mail', mailbox.upn.toLowerCase(), 'Maildir'), mailbox.folders);
  const oauth2Conf = join(dir, 'dovecot-oauth2.conf.ext');
  writeFileSync(oauth2Conf, oauth2PassdbConfig(config));
  const confPath = join(dir, 'dovecot.conf');
  writeFileSync(confPath, dovecotConfig(config, oauth2Conf));
  if (userInfo().uid === 0) chownTree(dir, account.uid, account.gid);

  const child = spawn(input.binary, ['-F', '-c', confPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: stopping signals Dovecot's master and all its children at once.
    detached: true,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', [refusalEnv.oauth]: exchangeImap.oauthFailed, [refusalEnv.basic]: exchangeImap.basicFailed },
    ...(userInfo().uid === 0 ? { uid: account.uid, gid: account.gid } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const gone = exited(child);
  const stopGroup = (): void => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // If the sandbox's process ends without close(), Dovecot must not outlive it (nor its folder).
  const onExit = (): void => {
    stopGroup();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Dovecot may still be writing its log: the folder is in tmp, best effort.
    }
  };
  process.once('exit', onExit);
  const close = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) stopGroup();
    await gone;
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (input.readyTimeoutMs ?? 15_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = (() => {
        try {
          return readFileSync(join(dir, 'dovecot.log'), 'utf8');
        } catch {
          return '';
        }
      })();
      await close();
      throw new Error(`Dovecot exited during start: ${(stderr + log).trim().split('\n').slice(-5).join(' | ')}`);
    }
    if (await greets(input.host, port, input.tls.caPem)) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error('Dovecot did not answer on its IMAPS port in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { host: input.host, port, dir, pid: child.pid ?? 0, logins: () => readLogins(join(dir, 'dovecot.log')), close };
}

/** Starts Dovecot on a free port (tries again if another process took the port meanwhile). */
export async function startDovecot(input: DovecotStartInput): Promise<RunningDovecot> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(input, await freePort(input.host));
    } catch (error) {
      lastError = error;
      // Only a port taken between choosing it and Dovecot binding it is worth another try.
      if (!/Address already in use/i.test(error instanceof Error ? error.message : '')) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
