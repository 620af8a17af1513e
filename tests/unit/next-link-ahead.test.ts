import { describe, expect, it } from 'vitest';
import { nextLinkAhead } from '../../src/cli/report/next-link-ahead';

describe('nextLinkAhead', () => {
  it("reads the link Graph writes before the users, unescaped", () => {
    const link = 'https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=a/b"c';
    const text = JSON.stringify({ '@odata.context': 'x', '@odata.nextLink': link, value: [{ id: '1' }] });
    expect(text).toContain('\\"');
    expect(nextLinkAhead(text)).toBe(link);
  });

  it('reads a link after the users and one spaced out by a pretty printer', () => {
    expect(nextLinkAhead(JSON.stringify({ value: [], '@odata.nextLink': 'https://g/x?$skiptoken=2' }))).toBe('https://g/x?$skiptoken=2');
    expect(nextLinkAhead(JSON.stringify({ '@odata.nextLink': 'https://g/y', value: [] }, null, 2))).toBe('https://g/y');
  });

  it('finds none on the last page, and none in a string that only quotes the key', () => {
    expect(nextLinkAhead(JSON.stringify({ value: [{ id: '1' }] }))).toBeNull();
    expect(nextLinkAhead(JSON.stringify({ value: [{ note: '"@odata.nextLink":"https://evil/"' }] }))).toBeNull();
  });
});
