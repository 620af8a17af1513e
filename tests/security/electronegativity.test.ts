import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { securityLog } from './support/security-log';

const root = resolve(__dirname, '../..');
const log = securityLog('electronegativity', 3);
afterAll(() => log.flush());

type Report = {
  electronVersion: string;
  checks: number;
  excluded: string[];
  parseErrors: { file: string; message: string }[];
  findings: { id: string; file: string; line: number }[];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('electronegativity over src/', () => {
  it('reports zero findings, and every exemption carries its reason next to it', async () => {
    const { stdout } = await promisify(execFile)('bash', ['scripts/electronegativity.sh', 'src', '--json'], { cwd: root });
    const report = JSON.parse(stdout) as Report;
    expect(report.checks).toBeGreaterThan(30);
    expect(report.parseErrors).toEqual([]);
    expect(report.findings).toEqual([]);

    // An exemption is an `eng-disable CHECK` comment; its reason must sit on the same line
    // (after the check ids) or in the comment line right above it.
    const exemptions: string[] = [];
    const unexplained: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const match = /eng-disable((?:\s+[A-Z_]+_CHECK)+)(.*)$/.exec(line);
        if (!match) return;
        const where = `${relative(root, file)}:${index + 1}`;
        exemptions.push(...(match[1] ?? '').trim().split(/\s+/).map((id) => `${id} ${where}`));
        const trailing = (match[2] ?? '').replace(/\*\/|-->/g, '').trim();
        const above = lines[index - 1]?.trim() ?? '';
        const aboveIsReason = /^(\/\/|\/\*|\*|<!--)\s*\S/.test(above);
        if (trailing.length < 10 && !aboveIsReason) unexplained.push(where);
      });
    }
    expect(unexplained).toEqual([]);
    log.passed({
      area: 'Electron config',
      tried: `@doyensec/electronegativity ${report.checks} checks over src/ (Electron ${report.electronVersion}, offline)`,
      cases: report.checks,
      held: `0 findings; ${exemptions.length} justified eng-disable exemptions (${[...new Set(exemptions.map((e) => e.split(' ')[0]))].sort().join(', ')}); excluded offline: ${report.excluded.join(', ')}`,
    });
  });
});
