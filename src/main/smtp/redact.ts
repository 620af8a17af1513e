import { isUtf8 } from 'node:buffer';

/**
 * Last line of defence for anything that leaves the SMTP client (transcript lines, the reply,
 * error text): removes the secret in plain form and in every base64 form it can take, alone or
 * inside a SASL blob (AUTH PLAIN, XOAUTH2), at any byte alignment. The plain form is replaced
 * only as a whole token, and a base64 run only when it decodes to text: a short secret must
 * not eat letters out of ordinary words (which would both mangle the advice and reveal it).
 */
export const secretPlaceholder = '[secret hidden]';

const base64Run = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

/** SASL blobs decode to text (NUL and ^A are their separators); an ordinary word decodes to noise. */
// eslint-disable-next-line no-control-regex
const otherControls = /[\u0002-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The text a base64 run stands for, or null when it is not text (a word that only looks like base64). */
function decodeBase64Text(run: string): string | null {
  const bytes = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // Checked, not decoded with a fatal TextDecoder: most runs are words, and a throw per word was
  // most of what redacting a transcript line cost.
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  return otherControls.test(text) ? null : text;
}

/** The part of base64(prefix + secret) that depends only on the secret, for each of the 3 alignments. */
function alignedBase64Cores(secret: string): string[] {
  const cores: string[] = [];
  for (const shift of [0, 1, 2]) {
    const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret, 'utf8')]);
    const encoded = bytes.toString('base64');
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor(bytes.length / 3) * 4;
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Redactor = (text: string) => string;

/**
 * Shorter secrets are refused before any login (see shared/vault/normalize.ts). Hiding one
 * anyway would replace common short words ("a", "to") and so point straight at it.
 */
const minRedactableLength = 8;

export function createRedactor(secrets: string[]): Redactor {
  const live = secrets.filter((secret) => secret.length >= minRedactableLength);
  const cores = live.flatMap(alignedBase64Cores);
  // A whole token: a secret that starts (ends) with a letter or digit must not continue a word there.
  const wordEdge = /^[\p{L}\p{N}]/u;
  const wholeTokens = live.map((secret) => {
    const before = wordEdge.test(secret) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = wordEdge.test([...secret].pop() ?? '') ? '(?![\\p{L}\\p{N}])' : '';
    return new RegExp(`${before}${escapeRegExp(secret)}${after}`, 'gu');
  });
  return (text) => {
    let out = text;
    for (const token of wholeTokens) out = out.replace(token, secretPlaceholder);
    // Whole base64 runs first, so a blob goes entirely rather than leaving its edges behind.
    out = out.replace(base64Run, (run) => {
      const decoded = decodeBase64Text(run);
      if (decoded === null) return run;
      // A bearer blob is hidden whole even if the token in it is not the one we were given.
      if (live.some((secret) => decoded.includes(secret)) || /auth=Bearer/i.test(decoded)) return secretPlaceholder;
      return run;
    });
    // Then base64 glued to other text, which the run decoding above may read misaligned.
    for (const core of cores) out = out.split(core).join(secretPlaceholder);
    return out;
  };
}
