import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One line of docs/SECURITY.md: what was tried, how many cases, what held. */
export type SecurityRow = {
  area: string;
  tried: string;
  cases: number;
  held: string;
  /** 'passed' rows come from assertions that ran; 'skipped' rows state why they could not. */
  status: 'passed' | 'skipped';
};

export const securityResultsDir = resolve(__dirname, '../../../.tmp/security');

/**
 * Collects the rows a security test file proved, and writes them as one JSON file when the file
 * finishes (call `flush` in afterAll). Rows are added after a test's assertions, so a failing
 * test leaves no row claiming it held; tests/security/report/render.ts turns them into the table.
 */
export function securityLog(suite: string, order: number) {
  const rows: SecurityRow[] = [];
  return {
    passed(row: Omit<SecurityRow, 'status'>) {
      rows.push({ ...row, status: 'passed' });
    },
    skipped(row: { area: string; tried: string; reason: string }) {
      rows.push({ area: row.area, tried: row.tried, cases: 0, held: `not run: ${row.reason}`, status: 'skipped' });
    },
    flush() {
      mkdirSync(securityResultsDir, { recursive: true });
      writeFileSync(join(securityResultsDir, `${suite}.json`), `${JSON.stringify({ suite, order, rows }, null, 2)}\n`);
    },
  };
}
