import type { LineReader } from './line-reader';

/** Literals before login carry only a user name or a password: anything bigger is refused. */
export const maxLiteralBytes = 8192;

export type ImapCommand = { tag: string; name: string; args: string[] } | { error: string; tag: string };

const tagPattern = /^[\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c\x7e]+$/; // ASTRING-CHAR minus "+"

/**
 * Reads one IMAP command (RFC 3501 section 9) with its arguments as atoms, quoted strings or
 * synchronising literals ({n} then "+" then n bytes), which is all LOGIN and AUTHENTICATE use.
 */
export async function readImapCommand(reader: LineReader, continueLiteral: () => void): Promise<ImapCommand> {
  let line = await reader.line();
  const head = /^(\S+) (\S+) ?(.*)$/.exec(line) ?? /^(\S+) (\S+)$/.exec(line);
  if (!head) return { error: 'Missing tag or command', tag: line.split(' ')[0] && tagPattern.test(line.split(' ')[0]!) ? line.split(' ')[0]! : '*' };
  const tag = head[1]!;
  if (!tagPattern.test(tag)) return { error: 'Invalid tag', tag: '*' };
  const name = head[2]!.toUpperCase();
  line = head[3] ?? '';
  const args: string[] = [];
  for (;;) {
    const parsed = parseArgs(line);
    if ('error' in parsed) return { error: parsed.error, tag };
    args.push(...parsed.args);
    if (parsed.literal === null) return { tag, name, args };
    if (parsed.literal > maxLiteralBytes) return { error: 'Literal too large', tag };
    continueLiteral();
    args.push((await reader.bytes(parsed.literal)).toString('utf8'));
    line = await reader.line();
  }
}

function parseArgs(text: string): { args: string[]; literal: number | null } | { error: string } {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) return { error: 'Unterminated quoted string' };
        const ch = text[i]!;
        if (ch === '\\') {
          value += text[i + 1] ?? '';
          i += 2;
        } else if (ch === '"') {
          i += 1;
          break;
        } else {
          value += ch;
          i += 1;
        }
      }
      args.push(Buffer.from(value, 'latin1').toString('utf8'));
      continue;
    }
    const literal = /^\{(\d{1,9})\}$/.exec(text.slice(i));
    if (literal) return { args, literal: Number(literal[1]) };
    const end = text.indexOf(' ', i);
    const atom = text.slice(i, end < 0 ? text.length : end);
    args.push(Buffer.from(atom, 'latin1').toString('utf8'));
    i += atom.length;
  }
  return { args, literal: null };
}
