/**
 * Text that came from elsewhere (an SMTP server's greeting and replies, an error it caused)
 * made safe to show on a terminal or in the app: no escape sequence can retitle the window,
 * clear the screen or paint a fake "OK", and no bidi override can reorder what is read.
 */

// ESC sequences as terminals parse them: CSI (ESC [ … final byte), OSC/DCS/SOS/PM/APC strings
// (up to BEL or ESC \, or the end of the text), and two-character escapes (ESC + one byte).
// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]P X^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\s\S])?/g;
// The 8-bit forms of CSI and OSC (U+009B, U+009D) and their strings, the same way.
// eslint-disable-next-line no-control-regex
const c1Sequence = /\u009b[0-?]*[ -/]*[@-~]?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u009c]*[\u0007\u009c]?/g;
// C0 controls but tab and line feed, DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates, directional marks, and the Unicode line separators.
const invisibleFormatting = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Several lines (line feeds kept); everything else that could act on a terminal removed. */
export function displaySafeText(text: string): string {
  return text.replace(escapeSequence, '').replace(c1Sequence, '').replace(controls, '').replace(invisibleFormatting, '');
}

/** One line: as displaySafeText, with tabs and line breaks turned into single spaces. */
export function displaySafeLine(text: string): string {
  return displaySafeText(text).replace(/[\t\n]+/g, ' ');
}
