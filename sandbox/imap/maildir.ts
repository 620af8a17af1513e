import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedFolder } from './seed';

/** IMAP's modified UTF-7 (RFC 3501 5.1.3), the folder-name encoding Maildir++ stores on disk. */
export function encodeModifiedUtf7(name: string): string {
  let out = '';
  let pending = '';
  const flush = (): void => {
    if (!pending) return;
    const utf16 = Buffer.from(pending, 'utf16le').swap16();
    out += `&${utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
    pending = '';
  };
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) {
      flush();
      out += char === '&' ? '&-' : char;
    } else pending += char;
  }
  flush();
  return out;
}

/** Maildir++ folder directory: INBOX is the root, others are ".A.B" ('.' = hierarchy separator). */
function folderDir(root: string, name: string): string {
  if (name === 'INBOX') return root;
  return join(root, `.${name.split('/').map(encodeModifiedUtf7).join('.')}`);
}

/**
 * Writes the seed as a Maildir++ tree under `root`, with a dovecot-uidlist per folder so UIDs
 * follow the seed's order (UID n = n-th message) on every run.
 */
export function writeMaildir(root: string, folders: SeedFolder[]): void {
  folders.forEach((folder, folderIndex) => {
    const dir = folderDir(root, folder.name);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
    if (folder.name !== 'INBOX') writeFileSync(join(dir, 'maildirfolder'), '');
    const records: string[] = [];
    folder.messages.forEach((message, index) => {
      const base = `${1764579600 + index}.M${index + 1}P${folderIndex + 1}.sandbox,S=${message.raw.length}`;
      const flags = [...message.flags].sort().join('');
      writeFileSync(join(dir, 'cur', `${base}:2,${flags}`), message.raw);
      records.push(`${index + 1} :${base}`);
    });
    const header = `3 V${1764579600 + folderIndex} N${folder.messages.length + 1}`;
    writeFileSync(join(dir, 'dovecot-uidlist'), [header, ...records].map((line) => `${line}\n`).join(''));
  });
}
