/**
 * The one set of rules for a pasted app password, applied live by the renderer's paste field
 * and again by the vault before anything is stored. Microsoft shows app passwords as 16
 * letters (unconfirmed), so an unusual shape is a warning, never a rejection.
 */
export type NormalizedAppPassword =
  | { ok: true; value: string; warnings: string[] }
  | { ok: false; message: string };

export const maxAppPasswordLength = 256;

// C0 controls, DEL and the C1 block: none of them can be part of a password a person copied.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
// Spaces (including the non-breaking ones web pages use) and the dashes people paste as separators.
const separators = /[\u0020\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212]/g;
const usualShape = /^[a-z]{16}$/i;

export function normalizeAppPassword(raw: string): NormalizedAppPassword {
  const trimmed = raw.trim();
  if (trimmed === '') {
    return { ok: false, message: 'Paste the app password that the Security info page showed you.' };
  }
  // Checked before the separators go, so a tab or line break inside the value is reported, not hidden.
  if (controlCharacters.test(trimmed)) {
    return {
      ok: false,
      message: 'The pasted text contains invisible control characters (such as a line break or tab). Copy the app password again.',
    };
  }
  const value = trimmed.replace(separators, '');
  if (value === '') {
    return { ok: false, message: 'Paste the app password that the Security info page showed you.' };
  }
  if (value.length > maxAppPasswordLength) {
    return {
      ok: false,
      message: `That is ${value.length} characters, far longer than an app password (at most ${maxAppPasswordLength}). Copy just the app password.`,
    };
  }
  const warnings: string[] = [];
  if (!usualShape.test(value)) {
    warnings.push(
      `App passwords are usually 16 letters; this one has ${value.length} character${value.length === 1 ? '' : 's'}${/[^a-z]/i.test(value) ? ', not all of them letters' : ''}. Check that you copied all of it.`,
    );
  }
  return { ok: true, value, warnings };
}
