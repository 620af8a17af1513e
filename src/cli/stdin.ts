import { usageError } from './errors';
import type { CliIo } from './io';

/** The whole of stdin, with the one trailing newline that `echo` or a here-string adds removed. */
export async function readAllStdin(io: CliIo, what: string): Promise<string> {
  if (io.stdin.isTTY) {
    throw usageError(`--password-stdin reads ${what} from standard input, but standard input is a terminal.`,
      `Pipe it in, for example: printf '%s' "$PASSWORD" | m365-connect …  (or run without --password-stdin to be prompted).`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  chunks.fill(Buffer.alloc(0));
  return text.replace(/\r?\n$/, '');
}

/** Refuses to prompt when nobody is at a terminal: a script would otherwise hang forever. */
export function requireTerminal(io: CliIo, what: string, alternative: string): void {
  if (!io.stdin.isTTY) {
    throw usageError(`${what} needs an answer, but standard input is not a terminal, so nothing can be asked.`, alternative);
  }
}

/**
 * Asks for a secret on the terminal without echoing it. Only called after requireTerminal.
 */
export function promptSecret(io: CliIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = io;
    // Echo off before the question shows, so nothing typed right after it is ever displayed.
    stdin.setRawMode?.(true);
    stdin.resume();
    stderr.write(question);
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(usageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** A yes/no question on the terminal; anything but y/yes is no. */
export function confirm(io: CliIo, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const { stdin, stderr } = io;
    stderr.write(`${question} [y/N] `);
    stdin.resume();
    stdin.once('data', (chunk: Buffer | string) => {
      stdin.pause();
      resolve(/^\s*y(es)?\s*$/i.test(chunk.toString()));
    });
  });
}
