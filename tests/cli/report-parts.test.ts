import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appPasswordReadiness } from '../../src/cli/report/app-password-readiness';
import { csvField, csvLine } from '../../src/cli/report/csv';
import { backoffMs, parseRetryAfter } from '../../src/main/graph/retry';
import { mfaPoliciesFrom, type TenantFacts } from '../../src/cli/report/tenant-facts';
import { parseCsv } from './support/parse-csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge ')).toBe('" edge "');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('neutralises spreadsheet formulas in text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
  });

  it('round-trips any text through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (fields) => {
        const [record] = parseCsv(csvLine(fields));
        const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f));
        expect(record).toEqual(expected);
      }),
    );
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(' 0 ', 0)).toBe(0);
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('backs off exponentially within bounds', () => {
    expect(backoffMs(0, 1000, () => 0)).toBe(500);
    expect(backoffMs(3, 1000, () => 1)).toBe(8000);
    expect(backoffMs(20, 1000, () => 1)).toBe(30_000);
  });
});

describe('app-password readiness per user', () => {
  const open: TenantFacts = { securityDefaults: false, conditionalAccessMfaPolicies: [] };
  const user = { id: 'u1', isMfaRegistered: true };
  const policy = (over: Record<string, unknown>) =>
    mfaPoliciesFrom([
      { id: 'p', displayName: 'MFA', state: 'enabled', grantControls: { builtInControls: ['mfa'] }, conditions: { users: { includeUsers: ['All'] } }, ...over },
    ]);

  it('is blocked by security defaults and by a CA MFA policy that covers the user', () => {
    expect(appPasswordReadiness({ ...open, securityDefaults: true }, user).route).toBe('blocked');
    expect(appPasswordReadiness({ ...open, conditionalAccessMfaPolicies: policy({}) }, user).route).toBe('blocked');
  });

  it('is not blocked by an excluded user, a report-only or a disabled policy', () => {
    const excluded = policy({ conditions: { users: { includeUsers: ['All'], excludeUsers: ['u1'] } } });
    expect(appPasswordReadiness({ ...open, conditionalAccessMfaPolicies: excluded }, user).route).toBe('possible');
    const reportOnly = policy({ state: 'enabledForReportingButNotEnforced' });
    expect(appPasswordReadiness({ ...open, conditionalAccessMfaPolicies: reportOnly }, user).route).toBe('possible');
    expect(policy({ state: 'disabled' })).toEqual([]);
    expect(policy({ grantControls: { builtInControls: ['block'] } })).toEqual([]);
  });

  it('is unknown when a fact is unknown or the policy targets groups', () => {
    expect(appPasswordReadiness({ ...open, securityDefaults: 'unknown' }, user).route).toBe('unknown');
    expect(appPasswordReadiness({ ...open, conditionalAccessMfaPolicies: 'unknown' }, user).route).toBe('unknown');
    const groups = policy({ conditions: { users: { includeGroups: ['g1'] } } });
    expect(appPasswordReadiness({ ...open, conditionalAccessMfaPolicies: groups }, user).route).toBe('unknown');
  });

  it('counts an authentication strength as MFA', () => {
    expect(policy({ grantControls: { builtInControls: [], authenticationStrength: { id: 'x' } } })).toHaveLength(1);
  });

  it('says when no MFA method is registered yet', () => {
    expect(appPasswordReadiness(open, { id: 'u1', isMfaRegistered: false })).toMatchObject({ route: 'possible', note: expect.stringMatching(/registered first/) });
  });
});
