import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allGuides } from '../../src/shared/guides';
import { ensureBuiltCli, isolatedHome, runCli } from '../cli/support/cli-process';

beforeAll(() => ensureBuiltCli());

describe('guides', () => {
  it('list --json gives every guide; a policy that hides some leaves them out', async () => {
    const home = await isolatedHome();
    const all = await runCli(['guides', 'list', '--json'], { env: home });
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).map((g: { id: string }) => g.id)).toEqual(allGuides.map((g) => g.id));

    const policy = join(home.HOME!, 'policy.json');
    await writeFile(policy, JSON.stringify({ hiddenGuides: ['disable-security-defaults', 'disable-per-user-mfa'] }));
    const env = { ...home, M365_CONNECT_POLICY: policy };
    const shown = JSON.parse((await runCli(['guides', 'list', '--json'], { env })).stdout).map((g: { id: string }) => g.id);
    expect(shown).not.toContain('disable-security-defaults');
    expect(shown).toHaveLength(allGuides.length - 2);
    const hidden = await runCli(['guides', 'show', 'disable-security-defaults'], { env });
    expect(hidden.code).toBe(7);
    expect(hidden.stderr).toMatch(/policy hides the guide/);

    const admins = JSON.parse((await runCli(['guides', 'list', '--audience', 'admin', '--json'], { env: home })).stdout);
    expect(admins.every((g: { audience: string }) => g.audience === 'admin')).toBe(true);
  });

  it('show prints a guide as wrapped plain text; an unknown id exits 2 listing the ids', async () => {
    const guide = allGuides[0]!;
    const run = await runCli(['guides', 'show', guide.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(guide.title.toUpperCase());
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(run.stdout).not.toContain('<');
    const unknown = await runCli(['guides', 'show', 'no-such-guide']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(guide.id);
  });

  it('export --format html writes one self-contained page per guide plus a binder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guides-html-'));
    const run = await runCli(['guides', 'export', '--format', 'html', '--out', dir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files).toHaveLength(allGuides.length + 1);
    const files = await readdir(dir);
    expect(files).toContain('m365-connect-guides.html');
    const binder = await readFile(join(dir, 'm365-connect-guides.html'), 'utf8');
    for (const guide of allGuides) expect(binder).toContain(`id="${guide.id}"`);
    expect(binder).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(binder).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)="https?:/);
  });

  it('export --format md writes Markdown per guide and an index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guides-md-'));
    const run = await runCli(['guides', 'export', '--format', 'md', '--out', dir, '--id', 'create-app-password', 'oauth-route']);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'create-app-password.md', 'oauth-route.md']);
    expect(await readFile(join(dir, 'oauth-route.md'), 'utf8')).toMatch(/^# /);
  });

  it('export --format pdf renders the binder with the local Chromium', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guides-pdf-'));
    const run = await runCli(['guides', 'export', '--format', 'pdf', '--out', dir], { timeoutMs: 90_000 });
    expect(run.code, run.stderr).toBe(0);
    const pdf = join(dir, 'm365-connect-guides.pdf');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const guide of allGuides) expect(text.replace(/\s+/g, ' ')).toContain(guide.title.replace(/\s+/g, ' '));
  }, 120_000);

  it('export without --format or with an unknown one is a usage error', async () => {
    expect((await runCli(['guides', 'export', '--out', '/tmp/x'])).code).toBe(2);
    const bad = await runCli(['guides', 'export', '--format', 'docx', '--out', '/tmp/x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are html, pdf, md/);
  });
});
