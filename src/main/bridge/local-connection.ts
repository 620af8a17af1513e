import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SecureContext } from 'node:tls';
import { LineReader } from './line-reader';
import { upgradeToTls } from './local-tls';
import { relay } from './relay';

/** What a protocol session needs from the bridge: the local certificate, the login, session accounting. */
export type LocalSessionDeps<LoginResult> = {
  secureContext: SecureContext;
  login: (user: string, password: string) => Promise<LoginResult>;
  /** Called when the relay starts; the returned function when it ends (session accounting). */
  relayed: (upn: string) => () => void;
};

/** After this many failed logins on one connection the session closes (the delay grows meanwhile). */
export const maxAuthFailuresPerConnection = 3;
const idleMs = 5 * 60 * 1000;

/**
 * The tool's connection before its login, the same for SMTP and IMAP: line-based commands,
 * an optional STARTTLS upgrade, an idle limit, and the hand-over to the relay once logged in.
 */
export class LocalConnection {
  private stream: Duplex;
  private lines: LineReader;
  private secured = false;

  constructor(private readonly socket: Socket) {
    this.stream = socket;
    this.lines = new LineReader(socket);
    socket.setTimeout(idleMs, () => socket.destroy());
  }

  get secure(): boolean {
    return this.secured;
  }

  get reader(): LineReader {
    return this.lines;
  }

  send(...lines: string[]): void {
    this.stream.write(lines.map((line) => `${line}\r\n`).join(''));
  }

  /** Call after answering STARTTLS: whatever came in clear after it must not be read as if encrypted. */
  async startTls(secureContext: SecureContext): Promise<void> {
    this.lines.detach();
    this.stream = await upgradeToTls(this.socket, secureContext);
    this.lines = new LineReader(this.stream);
    this.secured = true;
  }

  end(): void {
    this.stream.end();
  }

  destroy(): void {
    this.stream.destroy();
  }

  /** Logged in: bytes flow untouched both ways until either side closes; pipelined commands go first. */
  async relayTo(upstream: Duplex, accounting: () => () => void): Promise<void> {
    const early = this.lines.detach();
    this.socket.setTimeout(0);
    const ended = accounting();
    try {
      await relay(this.stream, upstream, early);
    } finally {
      ended();
    }
  }
}
