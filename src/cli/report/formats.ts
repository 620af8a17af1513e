import { csvHeader, csvRows, type ReportRow } from './rows';
import type { TenantFacts } from './tenant-facts';

export type ReportFormatName = 'csv' | 'json';

/** What the report says about itself: in the JSON document, and beside a CSV as FILE.meta.json. */
export type ReportMeta = {
  generatedAt: string;
  source: string;
  tenant: TenantFacts;
  notices: string[];
};

/**
 * How rows become bytes. Every chunk is self-contained (whole rows), so the file can be
 * cut back to any committed chunk boundary and continued.
 */
export type ReportFormat = {
  name: ReportFormatName;
  header(meta: ReportMeta): string;
  /** `before` = rows already in the file (the JSON array needs its commas right). */
  rows(rows: readonly ReportRow[], before: number): string;
  footer(count: number, completedAt: string): string;
};

export const csvFormat: ReportFormat = {
  name: 'csv',
  header: () => csvHeader(),
  rows: (rows) => csvRows(rows),
  footer: () => '',
};

/** One JSON document: metadata first, then the users array streamed, then the count. */
export const jsonFormat: ReportFormat = {
  name: 'json',
  header: (meta) => {
    const head = JSON.stringify(meta, null, 2);
    return `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "users": [`;
  },
  rows: (rows, before) => {
    // Pieces joined once per page, not a template string per row.
    const parts: string[] = [];
    rows.forEach((row, index) => parts.push(before + index === 0 ? '\n    ' : ',\n    ', JSON.stringify(row)));
    return parts.join('');
  },
  footer: (count, completedAt) =>
    `${count > 0 ? '\n  ' : ''}],\n  "userCount": ${count},\n  "completedAt": ${JSON.stringify(completedAt)}\n}\n`,
};

export function formatFor(out: string): ReportFormat | null {
  const lower = out.toLowerCase();
  if (lower.endsWith('.csv')) return csvFormat;
  if (lower.endsWith('.json')) return jsonFormat;
  return null;
}
