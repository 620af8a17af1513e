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
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  now: () => new Date(),
});
