/**
 * A whole number with comma thousands separators, as `n.toLocaleString('en-US')` writes it.
 * Without ICU: the first locale-aware call maps about 5 MB of Node's ICU data into memory,
 * which the report (progress ten times a second) otherwise pays for its whole run.
 */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  const sign = value < 0 ? '-' : '';
  return `${sign}${String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
