import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxAppPasswordLength, normalizeAppPassword } from '../../src/shared/vault/normalize';

const accepted = (raw: string) => {
  const result = normalizeAppPassword(raw);
  if (!result.ok) throw new Error(`rejected: ${result.message}`);
  return result;
};
const rejected = (raw: string) => {
  const result = normalizeAppPassword(raw);
  if (result.ok) throw new Error(`accepted as ${result.value}`);
  return result.message;
};

describe('normalizeAppPassword', () => {
  it('keeps a clean 16-letter password as it is, without warnings', () => {
    expect(accepted('abcdefghijklmnop')).toEqual({ ok: true, value: 'abcdefghijklmnop', warnings: [] });
  });

  it.each([
    ['  abcdefghijklmnop \n', 'surrounding whitespace and a trailing line break'],
    ['abcd efgh ijkl mnop', 'the groups of four the page shows'],
    ['abcd-efgh-ijkl-mnop', 'dashes'],
    ['abcd\u00a0efgh\u00a0ijkl\u00a0mnop', 'non-breaking spaces from a web page'],
    ['abcd – efgh — ijkl-mnop', 'typographic dashes'],
  ])('normalises %j (%s)', (raw) => {
    expect(accepted(raw)).toEqual({ ok: true, value: 'abcdefghijklmnop', warnings: [] });
  });

  it('rejects anything that is not 16 letters after the separators go, saying why without quoting it', () => {
    expect(rejected('abcdefghijkl')).toMatch(/16 letters; this has 12 characters/);
    expect(rejected('abcdefghijklmn12')).toMatch(/not all of them letters/);
    expect(rejected('abcdefghijklmnopq')).toMatch(/this has 17 characters/);
    expect(rejected('a')).toMatch(/this has 1 character\./);
    expect(accepted('ABCDEFGHIJKLMNOP').warnings).toEqual([]);
  });

  it('rejects empty input with a message that says what to paste', () => {
    expect(rejected('')).toMatch(/Paste the app password/);
    expect(rejected('   \n\t ')).toMatch(/Paste the app password/);
    expect(rejected(' - - ')).toMatch(/Paste the app password/);
  });

  it('rejects control characters inside the value', () => {
    expect(rejected('abcdefgh\nijklmnop')).toMatch(/control characters/);
    expect(rejected('abcdefgh\tijklmnop')).toMatch(/control characters/);
    expect(rejected('abcdefgh\u0000ijklmnop')).toMatch(/control characters/);
    expect(rejected('abcdefgh\u007fijklmnop')).toMatch(/control characters/);
  });

  it('rejects anything over 256 characters as far too long', () => {
    expect(rejected('a'.repeat(maxAppPasswordLength + 1))).toMatch(/far longer than an app password/);
  });

  it('never echoes the pasted text in a message', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 400 }), (raw) => {
        const result = normalizeAppPassword(raw);
        const texts = result.ok ? result.warnings : [result.message];
        const core = raw.trim();
        if (core.length >= 6) for (const text of texts) expect(text.includes(core)).toBe(false);
      }),
    );
  });

  it('is idempotent: normalising a normalised value changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const once = normalizeAppPassword(raw);
        if (!once.ok) return;
        const twice = normalizeAppPassword(once.value);
        expect(twice).toEqual(once);
      }),
    );
  });
});
