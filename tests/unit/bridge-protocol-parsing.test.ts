import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readImapCommand } from '../../src/main/bridge/imap-command';
import { LineReader, LineTooLongError, maxLineBytes } from '../../src/main/bridge/line-reader';
import { decodeBase64Text, parsePlain } from '../../src/main/bridge/sasl';
import { xoauth2 } from '../../src/main/bridge/xoauth2';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('SASL', () => {
  it('PLAIN: authcid and password; an authzid must be the same user; anything malformed is refused', () => {
    expect(parsePlain(b64('\0ada@contoso.com\0secret'))).toEqual({ user: 'ada@contoso.com', password: 'secret' });
    expect(parsePlain(b64('ADA@contoso.com\0ada@contoso.com\0secret'))).toEqual({ user: 'ada@contoso.com', password: 'secret' });
    expect(parsePlain(b64('boss@contoso.com\0ada@contoso.com\0secret'))).toBeNull();
    expect(parsePlain(b64('ada@contoso.com\0secret'))).toBeNull();
    expect(parsePlain('not base64!')).toBeNull();
  });

  it('base64 is decoded strictly (no silently skipped junk)', () => {
    expect(decodeBase64Text(b64('Username:'))).toBe('Username:');
    expect(decodeBase64Text('=')).toBe('');
    expect(decodeBase64Text('abc')).toBeNull();
    expect(decodeBase64Text('ab$=')).toBeNull();
  });

  it('XOAUTH2 is user=, ^A, auth=Bearer token, ^A^A in base64', () => {
    expect(Buffer.from(xoauth2('ada@contoso.com', 'tok'), 'base64').toString('utf8')).toBe('user=ada@contoso.com\x01auth=Bearer tok\x01\x01');
  });
});

describe('LineReader', () => {
  it('gives lines one by one and hands back what came after the last one on detach', async () => {
    const stream = new PassThrough();
    const reader = new LineReader(stream);
    stream.write('EHLO a\r\nAUTH PLAIN x\r\nMAIL FROM:<a@b>\r\nRCPT');
    expect(await reader.line()).toBe('EHLO a');
    expect(await reader.line()).toBe('AUTH PLAIN x');
    expect(reader.detach().toString()).toBe('MAIL FROM:<a@b>\r\nRCPT');
  });

  it('refuses a line longer than the limit instead of buffering without end', async () => {
    const stream = new PassThrough();
    const reader = new LineReader(stream);
    stream.write('A'.repeat(maxLineBytes + 10));
    await expect(reader.line()).rejects.toBeInstanceOf(LineTooLongError);
  });
});

describe('IMAP commands before login', () => {
  const read = async (input: string[]) => {
    const stream = new PassThrough();
    const reader = new LineReader(stream);
    const continuations: number[] = [];
    let sent = 0;
    const feed = () => {
      if (sent < input.length) stream.write(input[sent++]!);
    };
    feed();
    const command = readImapCommand(reader, () => {
      continuations.push(sent);
      feed();
    });
    return { command: await command, continuations };
  };

  it('atoms, quoted strings with escapes, and synchronising literals', async () => {
    expect((await read(['a1 LOGIN ada@contoso.com "pa ss\\"w\\\\d"\r\n'])).command).toEqual({ tag: 'a1', name: 'LOGIN', args: ['ada@contoso.com', 'pa ss"w\\d'] });
    const literal = await read(['A2 login {15}\r\n', 'ada@contoso.com {6}\r\n', 'se cr"\r\n']);
    expect(literal.command).toEqual({ tag: 'A2', name: 'LOGIN', args: ['ada@contoso.com', 'se cr"'] });
    expect(literal.continuations).toEqual([1, 2]);
  });

  it('a missing or invalid tag, an unterminated string and an oversized literal are errors, not guesses', async () => {
    expect((await read(['NOOP\r\n'])).command).toMatchObject({ error: expect.any(String) });
    expect((await read(['a+b NOOP\r\n'])).command).toEqual({ error: 'Invalid tag', tag: '*' });
    expect((await read(['a3 LOGIN "ada\r\n'])).command).toEqual({ error: 'Unterminated quoted string', tag: 'a3' });
    expect((await read(['a4 LOGIN {99999}\r\n'])).command).toEqual({ error: 'Literal too large', tag: 'a4' });
  });
});
