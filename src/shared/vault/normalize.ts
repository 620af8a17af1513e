/**
 * The rules for a secret someone pastes: an app password (applied live by the renderer's paste
 * field, again by the vault before anything is stored, and by the CLI), or the password of
 * another SMTP server (`smtp-test --password-stdin` against a host that is not Microsoft's).
 * Microsoft's app passwords are 16 letters, shown in groups: separators are removed for them
 * only, and anything else cannot be one. No message ever quotes the pasted text.
 */
export type NormalizedAppPassword =
  | { ok: true; value: string; warnings: string[] }
  | { ok: false; message: string };

export const maxAppPasswordLength = 256;
export const appPasswordLength = 16;
/** Below this, a password is guessable and its redaction would be meaningless. */
export const minServerPasswordLength = 8;

// C0 controls, DEL and the C1 block: none of them can be part of a password a person copied.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi overrides and isolates: invisible, and never part of a password.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Spaces (including the non-breaking ones web pages use) and the dashes people paste as separators.
const separators = /[\u0020\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212]/g;
const appPasswordShape = /^[a-z]{16}$/i;
// Half of a UTF-16 surrogate pair on its own: not text, and it would be stored as U+FFFD.
const loneSurrogate = /\p{Surrogate}/u;

const controlMessage = 'The pasted text contains invisible control characters (such as a line break or tab). Copy the password again.';

export function normalizeAppPassword(raw: string): NormalizedAppPassword {
  const trimmed = raw.trim();
  if (trimmed === '') {
    return { ok: false, message: 'Paste the app password that the Security info page showed you.' };
  }
  // Checked before the separators go, so a tab or line break inside the value is reported, not hidden.
  if (controlCharacters.test(trimmed) || bidiControls.test(trimmed)) return { ok: false, message: controlMessage };
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
  if (!appPasswordShape.test(value)) {
    const letters = /[^a-z]/i.test(value) ? ', not all of them letters' : '';
    return {
      ok: false,
      message: `An app password is ${appPasswordLength} letters; this has ${value.length} character${value.length === 1 ? '' : 's'}${letters}. Copy all of it from the page that showed it.`,
    };
  }
  return { ok: true, value, warnings: [] };
}

/**
 * Another server's password: taken as typed (spaces and dashes can be part of it), only the
 * characters no password holds are refused, and it must be long enough to be one.
 */
export function checkServerPassword(raw: string): NormalizedAppPassword {
  if (raw === '') return { ok: false, message: 'The password is empty.' };
  if (controlCharacters.test(raw) || bidiControls.test(raw)) return { ok: false, message: controlMessage };
  if (loneSurrogate.test(raw)) return { ok: false, message: 'The password is not valid text (a broken Unicode character). Copy it again.' };
  const length = [...raw].length;
  if (length < minServerPasswordLength) {
    return { ok: false, message: `That password has ${length} character${length === 1 ? '' : 's'}; a password has at least ${minServerPasswordLength}.` };
  }
  if (length > maxAppPasswordLength) {
    return { ok: false, message: `That is ${length} characters, longer than a password can be here (at most ${maxAppPasswordLength}).` };
  }
  return { ok: true, value: raw, warnings: [] };
}
