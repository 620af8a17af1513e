import { PassThrough } from 'node:stream';
import type { CliIo, InStream } from '../../../src/cli/io';

/** In-process streams for running commands without a child process. */
export function fakeIo(options: { stdinTty?: boolean; stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & InStream;
  stdin.isTTY = options.stdinTty ?? false;
  stdin.end(options.stdin ?? '');
  const io: CliIo & { stdoutText(): string; stderrText(): string } = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin,
    env: options.env ?? {},
    now: () => new Date('2026-11-22T10:00:00Z'),
    stdoutText: () => stdout,
    stderrText: () => stderr,
  };
  return io;
}
