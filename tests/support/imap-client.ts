import { connect, type TLSSocket } from 'node:tls';

/**
 * A deliberately small IMAP client over implicit TLS (trusting only the given CA) for tests:
 * sends tagged commands and returns the untagged lines, literals as raw bytes, and the tagged
 * completion line. Enough to log in, LIST, SELECT and FETCH, nothing more.
 */
export type ImapReply = { untagged: string[]; literals: Buffer[]; done: string };

export class TestImapClient {
  private buffer = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  private closed = false;
  private counter = 0;
  greeting = '';

  private constructor(private readonly socket: TLSSocket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async connect(host: string, port: number, ca: string): Promise<TestImapClient> {
    const socket = await new Promise<TLSSocket>((resolve, reject) => {
      const s = connect({ host, port, ca, servername: 'localhost' }, () => resolve(s));
      s.once('error', reject);
    });
    const client = new TestImapClient(socket);
    client.greeting = await client.readLine();
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async more(): Promise<void> {
    if (this.closed) throw new Error(`IMAP connection closed; unread: ${this.buffer.toString('latin1').slice(0, 200)}`);
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private async readLine(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + 2);
        return line;
      }
      await this.more();
    }
  }

  private async readBytes(count: number): Promise<Buffer> {
    while (this.buffer.length < count) await this.more();
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return Buffer.from(bytes);
  }

  /** Sends `command` (without tag) and reads until its tagged completion. */
  async command(command: string): Promise<ImapReply> {
    this.counter += 1;
    const tag = `T${this.counter}`;
    this.socket.write(`${tag} ${command}\r\n`);
    const reply: ImapReply = { untagged: [], literals: [], done: '' };
    for (;;) {
      let line = await this.readLine();
      // A line may carry several literals ({n} then n bytes then the rest of the line).
      for (let literal = /\{(\d+)\}$/.exec(line); literal; literal = /\{(\d+)\}$/.exec(line)) {
        reply.literals.push(await this.readBytes(Number(literal[1])));
        line = `${line}${await this.readLine()}`;
      }
      if (line.startsWith(`${tag} `)) {
        reply.done = line.slice(tag.length + 1);
        return reply;
      }
      if (line.startsWith('+')) {
        // A SASL challenge we do not answer: cancel, as clients do, and report the challenge.
        this.socket.write('*\r\n');
      }
      reply.untagged.push(line);
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The SASL XOAUTH2 initial response clients send (user=...^Aauth=Bearer ...^A^A), base64. */
export function xoauth2(user: string, accessToken: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`).toString('base64');
}
