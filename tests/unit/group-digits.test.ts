import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/shared/text/group-digits';

describe('groupDigits', () => {
  it('writes every whole number as en-US toLocaleString does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, 999, 1000, -1000, 100_000, Number.MAX_SAFE_INTEGER)), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });

  it('leaves fractions to toLocaleString', () => {
    expect(groupDigits(1234.5)).toBe((1234.5).toLocaleString('en-US'));
  });
});
