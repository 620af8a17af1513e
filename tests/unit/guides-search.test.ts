import { describe, expect, it } from 'vitest';
import { allGuides, guideById, search, tokenize, type Guide } from '../../src/shared/guides';
import { editDistance } from '../../src/shared/guides/search';

const stepWords = (guide: Guide): Set<string> => new Set(guide.steps.flatMap((s) => tokenize(s.text)));
const allWords = (guide: Guide): Set<string> =>
  new Set(tokenize([guide.title, guide.summary, guide.id, guide.formerly ?? '', ...guide.prerequisites, ...guide.warnings, ...guide.steps.flatMap((s) => [s.text, s.note ?? ''])].join(' ')));

describe('search', () => {
  it('finds each guide, ranked first, by a word that only its steps contain', () => {
    let checked = 0;
    for (const guide of allGuides) {
      const others = allGuides.filter((g) => g !== guide).map(allWords);
      const ownHeadline = new Set(tokenize(`${guide.title} ${guide.summary}`));
      const word = [...stepWords(guide)].find(
        (w) => w.length >= 5 && !ownHeadline.has(w) && others.every((o) => ![...o].some((x) => x.startsWith(w))),
      );
      if (!word) continue;
      checked += 1;
      const hits = search(word);
      expect(hits[0]?.guide.id, `${guide.id} by "${word}"`).toBe(guide.id);
      expect(hits[0]?.match.where).toBe('step');
    }
    // Most guides have such a word; if this drops the test stops proving much.
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('finds guides by everyday words and ranks the title match first', () => {
    expect(search('Authenticated SMTP')[0]?.guide.id).toBe('enable-smtp-auth');
    expect(search('security defaults')[0]?.guide.id).toBe('disable-security-defaults');
    expect(search('outlook')[0]?.guide.id).toBe('use-app-password');
    expect(search('enforce')[0]?.guide.id).toBe('enable-per-user-mfa');
    expect(search('XOAUTH2').map((h) => h.guide.id)).toContain('oauth-route');
  });

  it('matches word beginnings, ignores case and typographic apostrophes', () => {
    expect(search('AUTHENTICAT')[0]?.guide.id).toBe('enable-smtp-auth');
    expect(search("user's app passwords").map((h) => h.guide.id)).toContain('delete-app-passwords');
  });

  it('points at the step that matched', () => {
    const hit = search('Manage email apps').find((h) => h.guide.id === 'enable-smtp-auth');
    expect(hit?.match.where).toBe('step');
    expect(hit?.match.text).toContain('Manage email apps');
    const step = hit?.match.step;
    expect(step && guideById('enable-smtp-auth')?.steps[step - 1]?.text).toContain('Manage email apps');
  });

  it('requires every meaningful word and finds nothing for nonsense, empty or only filler words', () => {
    expect(search('security defaults zebra')).toEqual([]);
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('how to the')).toEqual([]);
  });

  it('searches only the guides it is given (hidden guides stay hidden)', () => {
    const visible = allGuides.filter((g) => g.id !== 'enable-smtp-auth');
    expect(search('Authenticated SMTP', visible).map((h) => h.guide.id)).not.toContain('enable-smtp-auth');
  });
});

describe('typo tolerance', () => {
  it('finds a guide despite one typo in a longer word, never for short words', () => {
    expect(search('app pasword').map((hit) => hit.guide.id)).toContain('create-app-password');
    expect(search('secruity defaults').map((hit) => hit.guide.id)).toContain('disable-security-defaults');
    expect(search('mfx')).toEqual([]);
  });

  it('counts an adjacent swap as one edit and stops early above the bound', () => {
    expect(editDistance('passwrod', 'password', 1)).toBe(1);
    expect(editDistance('pasword', 'password', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
