/** A first character a spreadsheet would take as the start of a formula. */
const formulaStart = /^[=+\-@\t\r]/;
/** Needs quotes: a comma, quote, CR or LF anywhere, or white space at either edge. */
const needsQuotes = /[",\r\n]|^\s|\s$/;

/**
 * RFC 4180 fields: quoted when they hold a comma, quote, CR or LF (or edge spaces), quotes
 * doubled. A value that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with an apostrophe: display names are user-controlled text, and opening the
 * report must not execute them (OWASP "CSV injection").
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  // Numbers and booleans print without commas, quotes or edge spaces, and are never formulas.
  if (typeof value !== 'string') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Appends one CSV record to `parts` (field, comma, ..., CRLF) for a single join per page: most
 * fields need no quoting and go in as the very strings Graph's JSON held, where concatenating
 * them line by line allocated four times the text (and fed the old generation).
 */
export function appendCsvLine(parts: string[], fields: readonly (string | number | boolean | null)[]): void {
  for (let i = 0; i < fields.length; i += 1) {
    if (i > 0) parts.push(',');
    parts.push(csvField(fields[i]!));
  }
  parts.push('\r\n');
}

export function csvLine(fields: readonly (string | number | boolean | null)[]): string {
  const parts: string[] = [];
  appendCsvLine(parts, fields);
  return parts.join('');
}
