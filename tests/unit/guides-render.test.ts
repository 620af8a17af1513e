import { describe, expect, it } from 'vitest';
import {
  allGuides,
  guideById,
  guideTitle,
  renderBinderHtml,
  renderGuideHtml,
  renderGuideMarkdown,
  renderGuideText,
  type Guide,
} from '../../src/shared/guides';

const attributeValues = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'gi'))].map((m) => m[2] ?? m[3] ?? m[4] ?? '');
const deepLinksOf = (guides: readonly Guide[]): Set<string> =>
  new Set(guides.flatMap((g) => g.steps.flatMap((s) => (s.link ? [s.link.url] : []))));
const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Self-contained: nothing fetched, nothing run; the only http(s) are deep-link anchors. */
function expectSelfContained(html: string, guides: readonly Guide[]) {
  expect(html).not.toMatch(/<script|<link\b|<iframe|<object|<embed|<img\b|@import|url\(|\son\w+\s*=|javascript:/i);
  expect(attributeValues(html, 'src')).toEqual([]);
  const allowed = deepLinksOf(guides);
  for (const href of attributeValues(html, 'href')) {
    if (href.startsWith('#')) continue;
    expect(allowed.has(unescape(href)), `unexpected href ${href}`).toBe(true);
  }
  // Every remaining http(s) mention is the visible text of a deep link or a source, never an attribute.
  const anchorsRemoved = html.replace(/<a\b[^>]*>/gi, '');
  expect(anchorsRemoved).not.toMatch(/(src|href|action|poster|data)\s*=\s*["']?https?:/i);
}

describe('HTML rendering', () => {
  it.each(allGuides.map((g) => [g.id, g] as const))('%s renders as a self-contained document with every step', (_id, guide) => {
    const html = renderGuideHtml(guide, { generatedOn: '2026-11-22' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expectSelfContained(html, [guide]);
    const text = squash(unescape(html));
    for (const step of guide.steps) expect(text).toContain(squash(step.text));
    expect((html.match(/<ol class="steps">[\s\S]*?<\/ol>/)?.[0].match(/<li>/g) ?? []).length).toBe(guide.steps.length);
    for (const step of guide.steps) if (step.link) expect(html).toContain(`href="${step.link.url}"`);
    expect(html).toContain('<h1');
  });

  it('puts the "lowers security" notice and the safer route before the first step', () => {
    for (const guide of allGuides.filter((g) => g.lowersSecurity)) {
      const html = renderGuideHtml(guide);
      const notice = html.indexOf('This lowers security');
      const safer = html.indexOf(guideTitle(guide.saferAlternative ?? '').replace(/’/g, '’'));
      const firstStep = html.indexOf('<ol class="steps">');
      expect(notice, guide.id).toBeGreaterThan(-1);
      expect(safer, guide.id).toBeGreaterThan(-1);
      expect(notice).toBeLessThan(firstStep);
      expect(safer).toBeLessThan(firstStep);
    }
    expect(renderGuideHtml(guideById('create-app-password')!)).not.toContain('This lowers security');
  });

  it('embeds the illustrations as accessible inline SVG', () => {
    const guide = guideById('create-app-password')!;
    const html = renderGuideHtml(guide);
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs.length).toBe(guide.steps.filter((s) => s.illustration).length);
    for (const svg of svgs) expect(svg).toMatch(/role="img"/);
  });

  it('escapes text, so content can never inject markup', () => {
    const evil: Guide = {
      ...guideById('oauth-route')!,
      title: '<img src=x onerror=alert(1)>',
      steps: [{ text: '<script>alert(1)</script> & "quotes"' }, { text: 'two' }, { text: 'three' }],
    };
    const html = renderGuideHtml(evil);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('binds every guide into one document with a table of contents, unique ids and working anchors', () => {
    const html = renderBinderHtml(allGuides, { generatedOn: '2026-11-22' });
    expectSelfContained(html, allGuides);
    expect(html).toContain('2026-11-22');
    const toc = html.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0] ?? '';
    for (const guide of allGuides) expect(toc).toContain(`href="#${guide.id}"`);
    const ids = attributeValues(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of attributeValues(html, 'href').filter((h) => h.startsWith('#'))) expect(ids).toContain(href.slice(1));
    const labelledBy = attributeValues(html, 'aria-labelledby').flatMap((v) => v.split(' '));
    for (const ref of labelledBy) expect(ids, ref).toContain(ref);
    expect((html.match(/<article /g) ?? []).length).toBe(allGuides.length);
  });

  it('links cross-references only to guides inside the binder', () => {
    const subset = [guideById('create-app-password')!, guideById('use-app-password')!];
    const html = renderBinderHtml(subset);
    const fragments = attributeValues(html, 'href').filter((h) => h.startsWith('#'));
    expect(fragments.every((f) => f === '#create-app-password' || f === '#use-app-password')).toBe(true);
  });
});

describe('Markdown rendering', () => {
  it.each(allGuides.map((g) => [g.id, g] as const))('%s has a title, every step numbered, and its deep links', (_id, guide) => {
    const md = renderGuideMarkdown(guide);
    expect(md.startsWith('# ')).toBe(true);
    const plain = squash(md.replace(/\\([\\`*_[\]<>|])/g, '$1'));
    guide.steps.forEach((step, i) => {
      expect(md).toMatch(new RegExp(`^${i + 1}\\. `, 'm'));
      expect(plain).toContain(squash(step.text));
      if (step.link) expect(md).toContain(`](${step.link.url})`);
    });
    expect(md).not.toMatch(/<script|<svg/i);
  });
});

describe('terminal text rendering', () => {
  it.each(allGuides.map((g) => [g.id, g] as const))('%s renders every step within the width', (_id, guide) => {
    for (const width of [50, 80, 120]) {
      const text = renderGuideText(guide, { width });
      const joined = squash(text);
      guide.steps.forEach((step, i) => {
        expect(text).toMatch(new RegExp(`^\\s*${i + 1}\\. `, 'm'));
        expect(joined).toContain(squash(step.text));
      });
      for (const line of text.split('\n')) {
        // A line may exceed the width only when it holds one unbreakable word (a URL).
        if (line.length > width) expect(line.trim().split(' ').filter((w) => w.length > 20).length, line).toBeGreaterThan(0);
      }
      expect(text.includes('\u001b'), 'no colour codes').toBe(false);
    }
  });

  it('says plainly when a guide lowers security, before the steps', () => {
    const text = renderGuideText(guideById('disable-security-defaults')!);
    expect(text.indexOf('THIS LOWERS SECURITY')).toBeGreaterThan(-1);
    expect(text.indexOf('THIS LOWERS SECURITY')).toBeLessThan(text.indexOf('Steps:'));
    expect(text).toContain('oauth-route');
  });
});
