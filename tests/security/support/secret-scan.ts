import { readFile } from 'node:fs/promises';
import { filesUnder } from '../../support/files-under';

/** A secret and the encodings it could be written in. */
export type Needle = { label: string; forms: { name: string; bytes: Buffer }[] };

export function needleFor(label: string, secret: string): Needle {
  const forms = new Map<string, string>([
    ['raw', secret],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['url-encoded', encodeURIComponent(secret)],
  ]);
  // A JWT's signature segment alone identifies it, even if the token was cut or re-encoded.
  const signature = secret.split('.')[2];
  if (signature && signature.length >= 20) forms.set('jwt signature', signature);
  const result: Needle['forms'] = [];
  for (const [name, text] of forms) {
    result.push({ name, bytes: Buffer.from(text, 'utf8') });
    // Chromium's storage and Windows APIs keep strings as UTF-16.
    result.push({ name: `${name} (utf-16)`, bytes: Buffer.from(text, 'utf16le') });
  }
  return { label, forms: result };
}

export type Finding = { where: string; secret: string; form: string };

export function scanBytes(where: string, haystack: Buffer, needles: Needle[]): Finding[] {
  const findings: Finding[] = [];
  for (const needle of needles) {
    for (const form of needle.forms) {
      if (form.bytes.length > 0 && haystack.includes(form.bytes)) findings.push({ where, secret: needle.label, form: form.name });
    }
  }
  return findings;
}

export async function scanTree(root: string, needles: Needle[]): Promise<{ files: number; bytes: number; findings: Finding[] }> {
  const files = await filesUnder(root);
  let bytes = 0;
  const findings: Finding[] = [];
  for (const file of files) {
    const content = await readFile(file);
    bytes += content.length;
    findings.push(...scanBytes(file, content, needles));
  }
  return { files: files.length, bytes, findings };
}

/** Every token string in an MSAL cache serialization (access, refresh and ID tokens). */
export function tokensInMsalCache(serialized: string): string[] {
  const cache = JSON.parse(serialized) as Record<string, Record<string, { secret?: unknown }> | undefined>;
  return ['AccessToken', 'RefreshToken', 'IdToken'].flatMap((kind) =>
    Object.values(cache[kind] ?? {}).flatMap((entry) => (typeof entry.secret === 'string' ? [entry.secret] : [])),
  );
}
