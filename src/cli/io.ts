/**
 * The process's streams and environment, passed in so commands never touch `process`
 * directly: unit tests run commands in-process with fake streams and TTY flags.
 */
export type OutStream = { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
export type InStream = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export type CliIo = {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  /** Today's calendar date, YYYY-MM-DD (tests pin it). */
  now(): Date;
  /**
   * Tests only: where the machine-wide policy is read from (null = none). The real CLI never
   * sets it, and it is not an environment variable: no user setting can move the machine policy.
   */
  machinePolicyFile?: string | null;
};

/**
 * The streams are Node's own, made when first used: creating them costs a few milliseconds, and
 * `smtp-test` opens its connection before it writes or reads anything.
 */
export const processIo = (): CliIo => ({
  get stdout() {
    return quietWhenReaderLeaves(process.stdout);
  },
  get stderr() {
    return quietWhenReaderLeaves(process.stderr);
  },
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  now: () => new Date(),
});

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * `m365-connect --help | head -1`: once the reader has gone, the rest of the output has nowhere
 * to go, so the process ends quietly instead of dying on an unhandled EPIPE with a stack trace.
 */
function quietWhenReaderLeaves(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (guarded.has(stream)) return stream;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return stream;
}
