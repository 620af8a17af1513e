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
};

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  now: () => new Date(),
});
