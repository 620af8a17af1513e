import * as z from './zod';

// C0 and C1 controls (NUL, ESC, line breaks…), DEL, bidi overrides and isolates, directional
// marks and the Unicode line separators: none is part of a sign-in name, and each could
// disguise it on a screen or split a log line.
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * A user principal name as typed, the one schema for the CLI's `--user` and the IPC requests:
 * at most 256 characters, no control or invisible formatting characters, name@domain.
 */
export const upnSchema = z.string().check(
  z.maxLength(256, 'must be at most 256 characters'),
  z.refine((value) => !unsafeCharacters.test(value), 'must not contain control characters, line breaks or invisible formatting characters'),
  z.trim(),
  z.minLength(3, 'must look like name@domain'),
  z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must look like name@domain'),
);
