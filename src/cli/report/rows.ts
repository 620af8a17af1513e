import { appendCsvLine, csvLine } from './csv';
import type { TenantFacts } from './tenant-facts';
import { reportDecision } from './user-readiness';

/** One user of the report, flattened from Graph's userRegistrationDetails. */
export type ReportRow = {
  id: string;
  userPrincipalName: string;
  userDisplayName: string | null;
  userType: string | null;
  isAdmin: boolean | null;
  isMfaRegistered: boolean | null;
  isMfaCapable: boolean | null;
  isPasswordlessCapable: boolean | null;
  methodsRegistered: string[];
  defaultMfaMethod: string | null;
  lastUpdatedDateTime: string | null;
  appPasswordRoute: 'possible' | 'blocked' | 'unknown';
  appPasswordNote: string;
  oauthRoute: 'possible' | 'blocked' | 'unknown';
  recommended: 'app-password' | 'oauth' | 'admin-action';
};

export const reportColumns = [
  'id',
  'userPrincipalName',
  'userDisplayName',
  'userType',
  'isAdmin',
  'isMfaRegistered',
  'isMfaCapable',
  'isPasswordlessCapable',
  'methodsRegistered',
  'defaultMfaMethod',
  'lastUpdatedDateTime',
  'appPasswordRoute',
  'appPasswordNote',
  'oauthRoute',
  'recommended',
] as const satisfies readonly (keyof ReportRow)[];

type Raw = Record<string, unknown>;
const str = (raw: Raw, key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
const bool = (raw: Raw, key: string) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : null);

/**
 * Hand-rolled rather than a schema per row: a 100,000-user tenant parses 100,000 of these,
 * and a missing optional field must never drop a user. Only id and UPN are required.
 */
export function toReportRow(value: unknown, facts: TenantFacts, today: string): ReportRow | null {
  if (value === null || typeof value !== 'object') return null;
  const raw = value as Raw;
  const id = str(raw, 'id');
  const userPrincipalName = str(raw, 'userPrincipalName');
  if (id === null || userPrincipalName === null) return null;
  const methods = Array.isArray(raw.methodsRegistered)
    ? raw.methodsRegistered.filter((m): m is string => typeof m === 'string')
    : [];
  const isMfaRegistered = bool(raw, 'isMfaRegistered');
  const decision = reportDecision(facts, { id, upn: userPrincipalName }, today);
  return {
    id,
    userPrincipalName,
    userDisplayName: str(raw, 'userDisplayName'),
    userType: str(raw, 'userType'),
    isAdmin: bool(raw, 'isAdmin'),
    isMfaRegistered,
    isMfaCapable: bool(raw, 'isMfaCapable'),
    isPasswordlessCapable: bool(raw, 'isPasswordlessCapable'),
    methodsRegistered: methods,
    defaultMfaMethod: str(raw, 'userPreferredMethodForSecondaryAuthentication') ?? str(raw, 'defaultMfaMethod'),
    lastUpdatedDateTime: str(raw, 'lastUpdatedDateTime'),
    appPasswordRoute: decision.appPassword,
    appPasswordNote: decision.note,
    oauthRoute: decision.oauth,
    recommended: decision.recommended,
  };
}

export const csvHeader = (): string => csvLine(reportColumns);

/** Rows as CSV records, joined once. */
export function csvRows(rows: readonly ReportRow[]): string {
  const parts: string[] = [];
  const fields: (string | number | boolean | null)[] = new Array<string | number | boolean | null>(reportColumns.length);
  for (const row of rows) {
    for (let i = 0; i < reportColumns.length; i += 1) {
      const column = reportColumns[i]!;
      fields[i] = column === 'methodsRegistered' ? row.methodsRegistered.join(';') : row[column];
    }
    appendCsvLine(parts, fields);
  }
  return parts.join('');
}
