import { createServer, type Socket } from 'node:net';

/**
 * A plain-TCP SMTP server that says exactly what a test scripts, byte for byte: hostile text
 * (terminal escapes, bidi overrides), a STARTTLS it never offered, a handshake it drops.
 * smtp-server cannot be made to misbehave this way.
 */
export type ScriptedSmtp = { port: number; received: string[]; close(): Promise<void> };

export type Script = {
  greeting: string;
  /** The reply to a command line (without CRLF); 'drop' closes the connection at once. */
  reply(command: string): string | 'drop';
  /** After a 220 to STARTTLS, close the connection when the TLS ClientHello arrives. */
  dropHandshake?: boolean;
};

export async function startScriptedSmtp(script: Script): Promise<ScriptedSmtp> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write(`${script.greeting}\r\n`);
    let buffered = '';
    let handshaking = false;
    socket.on('data', (chunk) => {
      if (handshaking) {
        socket.destroy();
        return;
      }
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        received.push(line);
        const answer = script.reply(line);
        if (answer === 'drop') {
          socket.destroy();
          return;
        }
        socket.write(`${answer}\r\n`);
        if (/^221/.test(answer)) socket.end();
        if (script.dropHandshake && /^STARTTLS$/i.test(line) && /^220/.test(answer)) handshaking = true;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What a hostile server puts in its text: retitle the terminal, clear it, paint a fake green OK, flip the text. */
export const hostileText = '\u001b]0;pwned\u0007\u001b[2J\u001b[H\u001b[32m\u2713 OK\u001b[0m \u009b31m\u202Egnp.exe\u202C';

/** Anything that could act on a terminal or reorder text on screen. */
// eslint-disable-next-line no-control-regex
export const unsafeForDisplay = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
