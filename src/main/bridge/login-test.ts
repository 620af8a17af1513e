import { createConnection, type Socket } from 'node:net';
import type { BridgeProtocol } from '../../shared/bridge/status';

export type LocalLoginOutcome = { ok: boolean; reply: string | null; error: string | null };

type Target = { host: string; port: number; user: string; password: string; timeoutMs?: number };

/**
 * Logs in to the bridge's local listener exactly as a password-only tool does, then logs out:
 * SMTP AUTH LOGIN then QUIT; IMAP LOGIN then LOGOUT. Plain text is fine here: the listener is
 * on loopback, and the point is to prove what the tool will type works.
 */
export async function localLogin(protocol: BridgeProtocol, target: Target): Promise<LocalLoginOutcome> {
  const session = await open(target).catch((error: unknown) => ({ failed: describe(error) }));
  if ('failed' in session) return { ok: false, reply: null, error: session.failed };
  try {
    return protocol === 'smtp' ? await smtpLogin(session, target) : await imapLogin(session, target);
  } catch (error) {
    return { ok: false, reply: session.lastLine(), error: describe(error) };
  } finally {
    session.close();
  }
}

type Session = {
  /** The next complete reply: for SMTP the last line of a multi-line reply, for IMAP the line matching `until`. */
  read(until: (line: string) => boolean): Promise<string>;
  write(line: string): void;
  lastLine(): string | null;
  close(): void;
};

async function smtpLogin(session: Session, { user, password }: Target): Promise<LocalLoginOutcome> {
  const final = (line: string) => /^\d{3}( |$)/.test(line);
  const expect = async (code: string) => {
    const reply = await session.read(final);
    return reply.startsWith(code) ? null : reply;
  };
  const refused = (reply: string): LocalLoginOutcome => ({ ok: false, reply, error: null });
  let bad = await expect('220');
  if (bad) return refused(bad);
  session.write('EHLO m365-connect');
  if ((bad = await expect('250'))) return refused(bad);
  session.write('AUTH LOGIN');
  if ((bad = await expect('334'))) return refused(bad);
  session.write(Buffer.from(user).toString('base64'));
  if ((bad = await expect('334'))) return refused(bad);
  session.write(Buffer.from(password).toString('base64'));
  const reply = await session.read(final);
  if (!reply.startsWith('235')) return refused(reply);
  session.write('QUIT');
  await session.read(final).catch(() => '');
  return { ok: true, reply, error: null };
}

/** RFC 9051 quoted string: backslash and double quote escaped. */
const quoted = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

async function imapLogin(session: Session, { user, password }: Target): Promise<LocalLoginOutcome> {
  const greeting = await session.read((line) => line.startsWith('* '));
  if (!/^\* OK\b/i.test(greeting)) return { ok: false, reply: greeting, error: null };
  session.write(`a1 LOGIN ${quoted(user)} ${quoted(password)}`);
  const reply = await session.read((line) => line.startsWith('a1 '));
  if (!/^a1 OK\b/i.test(reply)) return { ok: false, reply, error: null };
  session.write('a2 LOGOUT');
  await session.read((line) => line.startsWith('a2 ')).catch(() => '');
  return { ok: true, reply, error: null };
}

function open({ host, port, timeoutMs = 20_000 }: Target): Promise<Session> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createConnection({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer from ${host}:${port}`)));
    let buffer = '';
    let last: string | null = null;
    const lines: string[] = [];
    let waiter: { until: (line: string) => boolean; resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
    let ended: Error | null = null;
    const pump = () => {
      while (waiter && lines.length > 0) {
        const line = lines.shift() ?? '';
        last = line;
        if (waiter.until(line)) {
          const done = waiter;
          waiter = null;
          done.resolve(line);
        }
      }
      if (waiter && ended) {
        const failed = waiter;
        waiter = null;
        failed.reject(ended);
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let index: number;
      while ((index = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, index).replace(/\r$/, ''));
        buffer = buffer.slice(index + 1);
      }
      pump();
    });
    socket.on('error', (error) => {
      ended = error;
      pump();
      reject(error);
    });
    socket.on('close', () => {
      ended ??= new Error('the connection closed');
      pump();
    });
    socket.once('connect', () =>
      resolve({
        read: (until) =>
          new Promise((res, rej) => {
            waiter = { until, resolve: res, reject: rej };
            pump();
          }),
        write: (line) => void socket.write(`${line}\r\n`),
        lastLine: () => last,
        close: () => socket.destroy(),
      }),
    );
  });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : 'the connection failed');
