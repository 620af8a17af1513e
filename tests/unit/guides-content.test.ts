import { describe, expect, it } from 'vitest';
import { allGuides, guideById, illustrationIds, illustrationSvg, listByAudience, visibleGuides } from '../../src/shared/guides';
import { isAllowedExternalUrl } from '../../src/main/security/external-url';
import { guideIds } from '../../src/shared/readiness/guide-ids';

const requiredIds = [
  'create-app-password',
  'enable-per-user-mfa',
  'allow-app-passwords',
  'disable-per-user-mfa',
  'disable-security-defaults',
  'enable-smtp-auth',
  'delete-app-passwords',
  'use-app-password',
  'troubleshoot-app-password',
  'oauth-route',
  'connect-password-only-tool',
];

describe('guide content', () => {
  it('has every required guide id, each exactly once, and every id the readiness model refers to', () => {
    const ids = allGuides.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of requiredIds) expect(ids, id).toContain(id);
    for (const id of guideIds) expect(guideById(id), id).toBeDefined();
  });

  it('gives every guide a title, a summary and numbered steps with text', () => {
    for (const guide of allGuides) {
      expect(guide.title.length, guide.id).toBeGreaterThan(5);
      expect(guide.summary.length, guide.id).toBeGreaterThan(20);
      expect(guide.steps.length, guide.id).toBeGreaterThanOrEqual(3);
      for (const step of guide.steps) expect(step.text.trim().length, guide.id).toBeGreaterThan(10);
    }
  });

  it('only deep-links to https Microsoft pages the main process allows', () => {
    const urls = allGuides.flatMap((g) => g.steps.flatMap((s) => (s.link ? [s.link.url] : [])));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(isAllowedExternalUrl(url), url).toBe(true);
    for (const url of allGuides.flatMap((g) => g.sources.flatMap((s) => (s.url ? [s.url] : [])))) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
  });

  it('flags the guides that lower security and points each to a safer guide that does not', () => {
    const flagged = allGuides.filter((g) => g.lowersSecurity).map((g) => g.id);
    expect(flagged).toEqual(expect.arrayContaining(['disable-per-user-mfa', 'disable-security-defaults']));
    for (const guide of allGuides) {
      if (!guide.lowersSecurity) {
        expect(guide.saferAlternative, guide.id).toBeUndefined();
        continue;
      }
      const safer = guide.saferAlternative ? guideById(guide.saferAlternative) : undefined;
      expect(safer, `${guide.id} needs a saferAlternative`).toBeDefined();
      expect(safer?.lowersSecurity, guide.id).toBe(false);
      // It says so plainly, in its own words, before any step.
      expect(guide.warnings.join(' '), guide.id).toMatch(/lowers security/i);
    }
  });

  it('mentions the old portal path where the seeds describe one', () => {
    for (const id of ['create-app-password', 'enable-per-user-mfa', 'allow-app-passwords', 'disable-security-defaults', 'delete-app-passwords']) {
      expect(guideById(id)?.formerly, id).toBeTruthy();
    }
    expect(guideById('disable-security-defaults')?.formerly).toMatch(/Azure Active Directory/);
    expect(guideById('create-app-password')?.formerly).toMatch(/Additional security verification/);
  });

  it('refers only to guides and illustrations that exist', () => {
    for (const guide of allGuides) {
      for (const id of guide.related) expect(guideById(id), `${guide.id} -> ${id}`).toBeDefined();
      expect(guide.related, guide.id).not.toContain(guide.id);
      for (const step of guide.steps) {
        if (step.illustration) expect(illustrationIds, guide.id).toContain(step.illustration);
      }
    }
  });

  it('lists by audience and honours hidden guides', () => {
    const users = listByAudience('user');
    const admins = listByAudience('admin');
    expect(users.map((g) => g.id)).toContain('create-app-password');
    expect(admins.map((g) => g.id)).toContain('allow-app-passwords');
    expect(users.length + admins.length).toBe(allGuides.length);
    expect(users.every((g) => g.audience === 'user')).toBe(true);
    expect(listByAudience('admin', ['allow-app-passwords']).map((g) => g.id)).not.toContain('allow-app-passwords');
    expect(visibleGuides(['oauth-route']).length).toBe(allGuides.length - 1);
  });
});

describe('the bridge guides', () => {
  const bridge = guideById('connect-password-only-tool');

  it('is a user guide with the tool’s settings as a table: server, both ports, encryption, user name, password', () => {
    expect(bridge?.audience).toBe('user');
    const table = bridge?.steps.find((step) => step.table)?.table;
    expect(table?.rows.map(([name]) => name)).toEqual(['Server (SMTP and IMAP)', 'SMTP port', 'IMAP port', 'Encryption', 'User name', 'Password']);
    expect(table?.rows[0]?.[1]).toBe('127.0.0.1');
    expect(table?.rows[1]?.[1]).toBe('1587');
    expect(table?.rows[2]?.[1]).toBe('1143');
  });

  it('explains each failure reply the bridge gives the tool', () => {
    const text = bridge?.steps.map((step) => `${step.text} ${step.note ?? ''}`).join('\n') ?? '';
    for (const reply of ['535 5.7.8 Wrong user name or bridge password', 'AUTHENTICATIONFAILED', 'AADSTS700082', 'AADSTS50173', 'AADSTS70043', '5.7.139', 'AADSTS53003', 'AADSTS65001', '454 4.7.0', 'UNAVAILABLE']) {
      expect(text, reply).toContain(reply);
    }
  });

  it('“Use OAuth instead of an app password” sends a tool without OAuth to the bridge, not to its vendor', () => {
    const oauth = guideById('oauth-route');
    const last = oauth?.steps.at(-1)?.text ?? '';
    expect(last).toContain('Connect a tool that only takes a password');
    expect(last).not.toMatch(/vendor/);
    expect(oauth?.related[0]).toBe('connect-password-only-tool');
  });
});

describe('illustrations', () => {
  it.each(illustrationIds)('%s is accessible inline SVG with no external reference', (id) => {
    const svg = illustrationSvg(id, 'x1');
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="x1-title x1-desc"/);
    expect(svg).toContain('<title id="x1-title">');
    expect(svg).toContain('<desc id="x1-desc">');
    expect(svg).not.toMatch(/href|url\(|https?:|<script|<image|<foreignObject/i);
  });
});
