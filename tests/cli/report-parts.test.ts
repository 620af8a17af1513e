import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/cli/report/csv';
import { backoffMs, parseRetryAfter } from '../../src/main/graph/graph-retry';
import { toReportRow } from '../../src/cli/report/rows';
import type { TenantFacts } from '../../src/cli/report/tenant-facts';
import { appPasswordNote, reportVerdict } from '../../src/cli/report/user-readiness';
import { parsePolicies } from '../../src/shared/readiness/conditional-access';
import { graphPolicy, templates } from '../support/ca-policies';
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

describe('app-password readiness per user (the shared rules)', () => {
  const open: TenantFacts = { securityDefaults: false, conditionalAccessPolicies: [] };
  const user = { id: 'u1', upn: 'u1@contoso.com' };
  const today = '2026-11-22';
  const policies = (...values: unknown[]) => parsePolicies(values);
  const row = (tenant: TenantFacts, day = today) => {
    const verdict = reportVerdict(tenant, user, day);
    return { route: verdict.routes.appPassword, oauth: verdict.routes.oauth, note: appPasswordNote(verdict) };
  };

  it('is blocked by security defaults, by Block legacy authentication and by a CA MFA policy covering legacy clients', () => {
    expect(row({ ...open, securityDefaults: true })).toMatchObject({ route: 'blocked', note: expect.stringMatching(/security defaults/) });
    expect(row({ ...open, conditionalAccessPolicies: policies(templates.blockLegacyAuthentication()) })).toMatchObject({
      route: 'blocked',
      oauth: 'possible',
      note: 'Conditional Access "Block legacy authentication" refuses legacy SMTP AUTH: use OAuth',
    });
    expect(row({ ...open, conditionalAccessPolicies: policies(templates.requireMfaAllUsers()) }).route).toBe('blocked');
  });

  it('is not blocked by an excluded user, a report-only policy, a policy for other apps, or one for modern clients only', () => {
    const cases = [
      templates.requireMfaAllUsers({ excludeUsers: ['u1'] }),
      { ...templates.blockLegacyAuthentication(), state: 'enabledForReportingButNotEnforced' },
      templates.requireMfaAzureManagement(),
      graphPolicy({ clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'] }),
    ];
    for (const policy of cases) expect(row({ ...open, conditionalAccessPolicies: policies(policy) }).route).toBe('unknown');
    expect(row(open).note).toBe('needs per-user MFA enabled and app passwords allowed');
  });

  it('decides once per distinct targeting (memoised), never mixing up users a policy names', () => {
    const tenant: TenantFacts = { ...open, conditionalAccessPolicies: policies(templates.requireMfaAllUsers({ excludeUsers: ['u1'] })) };
    const routeOf = (id: string) => toReportRow({ id, userPrincipalName: `${id}@contoso.com` }, tenant, today)?.appPasswordRoute;
    expect(['u2', 'u1', 'u3', 'U1'].map(routeOf)).toEqual(['blocked', 'unknown', 'blocked', 'unknown']);
  });

  it('names what is unknown: security defaults, unreadable policies, group targeting, the default-off date', () => {
    expect(row({ ...open, securityDefaults: 'unknown' }).note).toMatch(/security defaults could not be read/);
    expect(row({ ...open, conditionalAccessPolicies: 'unknown' }).note).toMatch(/Conditional Access could not be read/);
    const groups = templates.requireMfaAllUsers({ includeUsers: [], includeGroups: ['g1'] });
    expect(row({ ...open, conditionalAccessPolicies: policies(groups) }).note).toMatch(/"Require multifactor authentication for all users" may apply/);
    expect(row(open, '2027-01-02').note).toMatch(/turned Basic SMTP AUTH back on/);
  });
});
