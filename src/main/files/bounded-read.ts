import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * Every read of something the user or the machine hands us (stdin, a CA file, the policy, the
 * settings) stops at a limit: `yes |` or /dev/zero must fail at once, not after gigabytes.
 */
export const fileReadLimit = 1024 * 1024;

export class InputTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${describeBytes(limit)}`);
    this.name = 'InputTooLargeError';
  }
}

export const isInputTooLarge = (error: unknown): error is InputTooLargeError => error instanceof InputTooLargeError;

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Reads a stream to its end, or throws InputTooLargeError as soon as it passes `limit` bytes. */
export async function readStreamBounded(stream: Readable | NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) throw new InputTooLargeError(limit);
      chunks.push(buffer);
    }
    return Buffer.concat(chunks);
  } finally {
    // What was read may be a secret: do not leave copies lying in the chunks.
    for (const chunk of chunks) chunk.fill(0);
  }
}

/** How long a pipe may take to give its first bytes (`--ca <(command)`), checked this often. */
export const pipeWaitMs = 3000;
const pipePollMs = 10;
/** What a pipe refused that way (EAGAIN) is, for the messages that name the file. */
export const silentPipeProblem = `a pipe that gave nothing to read within ${pipeWaitMs / 1000} s`;

/**
 * A whole file (device files such as /dev/zero included), at most `limit` bytes of it. Read with
 * synchronous calls on a non-blocking descriptor: a policy, settings or CA file is read at once,
 * with none of the thread-pool round trips (about a millisecond a file before a command could
 * begin), and a FIFO never blocks the process. A pipe whose writer has not written yet is
 * polled for up to pipeWaitMs, then refused (EAGAIN).
 */
export async function readFileBounded(path: string, limit: number = fileReadLimit): Promise<Buffer> {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    let waitedMs = 0;
    for (;;) {
      // One byte past the limit is enough to know the file is too large.
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - size));
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || waitedMs >= pipeWaitMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, pipePollMs));
        waitedMs += pipePollMs;
        continue;
      }
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit) throw new InputTooLargeError(limit);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, size);
  } finally {
    closeSync(fd);
  }
}
