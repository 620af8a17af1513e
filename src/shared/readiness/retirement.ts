/**
 * Exchange Online's Basic-auth retirement for SMTP AUTH (Exchange Team blog, 27 Jan 2026;
 * MC786329): unchanged until the end of December 2026, then off by default for existing
 * tenants (admins can turn it back on); final removal to be announced for H2 2027.
 */
export const basicAuthOffByDefaultFrom = '2027-01-01';

const dayMs = 24 * 60 * 60 * 1000;

/** `today` as YYYY-MM-DD (the caller's calendar date, so the model stays pure). */
export function isBasicAuthOffByDefault(today: string): boolean {
  return today >= basicAuthOffByDefaultFrom;
}

export function daysUntilBasicAuthOff(today: string): number {
  return Math.max(0, Math.round((Date.parse(basicAuthOffByDefaultFrom) - Date.parse(today)) / dayMs));
}

export function retirementNotice(today: string): string {
  if (isBasicAuthOffByDefault(today)) {
    return (
      'Microsoft has switched Basic authentication for SMTP AUTH off by default for existing tenants ' +
      'since the end of December 2026. An app password is Basic authentication: it works only if your ' +
      'admin has turned Basic authentication for SMTP back on, and Microsoft will remove it for good ' +
      '(the date is announced in the second half of 2027). OAuth keeps working.'
    );
  }
  const days = daysUntilBasicAuthOff(today);
  return (
    'An app password is Basic authentication, which Microsoft is retiring for SMTP AUTH: from the end ' +
    `of December 2026 (in ${days} day${days === 1 ? '' : 's'}) it is off by default for existing tenants. ` +
    'Your admin can turn it back on until Microsoft removes it for good (the date is announced in the ' +
    'second half of 2027). OAuth keeps working after that.'
  );
}

/** A moment as the local calendar date (YYYY-MM-DD) the rules take: "now" is always passed in. */
export function calendarDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
