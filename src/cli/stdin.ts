import { describeBytes, isInputTooLarge, readStreamBounded } from '../main/files/bounded-read';
import { usageError } from './cli-errors';
import type { CliIo } from './io';

/** A password is at most 256 characters (4 bytes each in UTF-8 at worst); stdin stops well past that. */
export const stdinReadLimit = 4 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The whole of stdin, with the one trailing newline that `echo` or a here-string adds removed.
 * Stops reading at stdinReadLimit (`yes | …` fails at once) and refuses bytes that are not
 * UTF-8 rather than storing U+FFFD in their place.
 */
export async function readAllStdin(io: CliIo, what: string): Promise<string> {
  if (io.stdin.isTTY) {
    throw usageError(`--password-stdin reads ${what} from standard input, but standard input is a terminal.`,
      `Pipe it in, for example: printf '%s' "$PASSWORD" | m365-connect …  (or run without --password-stdin to be prompted).`);
  }
  let bytes: Buffer;
  try {
    bytes = await readStreamBounded(io.stdin, stdinReadLimit);
  } catch (error) {
    if (!isInputTooLarge(error)) throw error;
    throw usageError(`Standard input holds more than ${describeBytes(stdinReadLimit)}, far more than ${what}; nothing was read from it.`,
      `Pipe in only ${what}, for example: printf '%s' "$PASSWORD" | m365-connect …`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw usageError(`Standard input is not valid UTF-8 text, so it cannot be ${what}.`, 'Check the encoding of what you pipe in.');
  } finally {
    bytes.fill(0);
  }
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
        // A paste of a whole file is not a password: stop instead of growing without end.
        if (value.length > stdinReadLimit) return finish(usageError('That is far longer than a password; nothing was kept.'));
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
