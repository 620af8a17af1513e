import type { Duplex } from 'node:stream';

/** A line longer than this is a protocol error (RFC 5321 allows 512 octets per command line). */
export const maxLineBytes = 8192;

export class LineTooLongError extends Error {
  constructor() {
    super('line too long');
    this.name = 'LineTooLongError';
  }
}

export class ConnectionClosedError extends Error {
  constructor() {
    super('connection closed');
    this.name = 'ConnectionClosedError';
  }
}

type Waiter = { kind: 'line' } | { kind: 'bytes'; count: number };

/**
 * Reads CRLF-terminated lines (and IMAP literals) from a socket during a handshake, then
 * lets go of it: detach() stops reading and hands back whatever arrived past the last line,
 * so the relay can forward those bytes instead of losing or re-parsing them.
 */
export class LineReader {
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: { want: Waiter; resolve: (value: Buffer) => void; reject: (error: Error) => void } | null = null;
  private ended: Error | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.settle();
  };
  private readonly onEnd = () => {
    this.ended = new ConnectionClosedError();
    this.settle();
  };
  private readonly onError = (error: Error) => {
    this.ended = error;
    this.settle();
  };

  constructor(private readonly socket: Duplex) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** The next line without its CRLF (a bare LF is accepted too), as latin1 text. */
  async line(): Promise<string> {
    const bytes = await this.wait({ kind: 'line' });
    return bytes.toString('latin1');
  }

  bytes(count: number): Promise<Buffer> {
    return this.wait({ kind: 'bytes', count });
  }

  /** Stops reading; the socket is paused and the bytes read past the last line are returned. */
  detach(): Buffer {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.pause();
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    return rest;
  }

  /** Drops unread bytes (after STARTTLS: nothing sent in clear may count as encrypted input). */
  discard(): void {
    this.buffer = Buffer.alloc(0);
  }

  private wait(want: Waiter): Promise<Buffer> {
    if (this.waiter) return Promise.reject(new Error('LineReader: one read at a time'));
    return new Promise((resolve, reject) => {
      this.waiter = { want, resolve, reject };
      this.socket.resume();
      this.settle();
    });
  }

  private settle(): void {
    const waiter = this.waiter;
    if (!waiter) {
      // Nobody is reading: stop the socket so a chatty peer cannot grow the buffer.
      if (this.buffer.length > maxLineBytes) this.socket.pause();
      return;
    }
    const taken = this.take(waiter.want);
    if (taken instanceof Error) {
      this.waiter = null;
      waiter.reject(taken);
    } else if (taken) {
      this.waiter = null;
      waiter.resolve(taken);
    } else if (this.ended) {
      this.waiter = null;
      waiter.reject(this.ended);
    }
  }

  private take(want: Waiter): Buffer | Error | null {
    if (want.kind === 'bytes') {
      if (this.buffer.length < want.count) return null;
      const out = this.buffer.subarray(0, want.count);
      this.buffer = this.buffer.subarray(want.count);
      return out;
    }
    const end = this.buffer.indexOf(0x0a);
    if (end < 0) return this.buffer.length > maxLineBytes ? new LineTooLongError() : null;
    if (end > maxLineBytes) return new LineTooLongError();
    const line = this.buffer.subarray(0, end > 0 && this.buffer[end - 1] === 0x0d ? end - 1 : end);
    this.buffer = this.buffer.subarray(end + 1);
    return Buffer.from(line);
  }
}
