/**
 * MOUNT POINT (vault): the live check of a pasted app password. The rules belong to
 * src/shared/vault (normalizeAppPassword, written by the vault helper, in progress), which the
 * vault service applies again when storing. Until it lands, this mirrors the documented rules
 * (issue 5): trim, drop spaces and dashes, reject empty / control characters / over 256
 * characters, warn when the result is not the usual 16 letters. Replace the body with a call to
 * the shared function and keep this signature.
 */
export type PasswordCheck =
  | { ok: true; value: string; warnings: string[] }
  | { ok: false; message: string };

export function checkAppPassword(raw: string): PasswordCheck {
  const value = raw.trim().replace(/[\s-]+/g, '');
  if (value === '') return { ok: false, message: 'Paste the app password that Security info showed you.' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, message: 'The password contains control characters: copy it again.' };
  if (value.length > 256) return { ok: false, message: 'That is far longer than an app password: copy it again.' };
  const warnings: string[] = [];
  if (!/^[a-z]{16}$/i.test(value)) {
    warnings.push(`App passwords are usually 16 letters; this one has ${value.length} characters. Check that you copied all of it.`);
  }
  return { ok: true, value, warnings };
}
