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

export function csvLine(fields: readonly (string | number | boolean | null)[]): string {
  // A plain loop: a 100,000-user report builds 1.5 million fields.
  let line = '';
  for (let i = 0; i < fields.length; i += 1) line += i === 0 ? csvField(fields[i]!) : `,${csvField(fields[i]!)}`;
  return `${line}\r\n`;
}
