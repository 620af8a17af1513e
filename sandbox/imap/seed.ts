import { createHash } from 'node:crypto';

/**
 * The demo mailbox every sandbox user gets: folders a backup walks, messages it must copy
 * byte for byte. Pure data, the same on every run for the same user, so tests compare what a
 * client fetched with these bytes. Lines end in CRLF, as IMAP serves them.
 */
export type SeedMessage = { raw: Buffer; flags: Array<'S' | 'F' | 'R'> };
export type SeedFolder = { name: string; specialUse?: '\\Sent' | '\\Archive'; messages: SeedMessage[] };

const crlf = (lines: string[]): string => lines.map((line) => `${line}\r\n`).join('');

/** Wraps base64 at 76 characters, as MIME wants. */
function base64Lines(data: Buffer): string[] {
  const text = data.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += 76) lines.push(text.slice(at, at + 76));
  return lines;
}

/** Deterministic pseudo-random bytes (SHA-256 in counter mode): same seed, same bytes. */
function deterministicBytes(seed: string, size: number): Buffer {
  const chunks: Buffer[] = [];
  for (let counter = 0; chunks.length * 32 < size; counter += 1) chunks.push(createHash('sha256').update(`${seed}:${counter}`).digest());
  return Buffer.concat(chunks).subarray(0, size);
}

type Header = { from: string; to: string; subject: string; date: string; id: string };

function headers(h: Header, extra: string[] = []): string[] {
  return [`From: ${h.from}`, `To: ${h.to}`, `Subject: ${h.subject}`, `Date: ${h.date}`, `Message-ID: <${h.id}@contoso.example>`, 'MIME-Version: 1.0', ...extra];
}

function plain(h: Header, body: string[]): Buffer {
  return Buffer.from(crlf([...headers(h, ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit']), '', ...body]), 'utf8');
}

function withAttachment(h: Header, body: string[], file: { name: string; type: string; data: Buffer }): Buffer {
  const boundary = `----=_sandbox_${h.id}`;
  return Buffer.from(
    crlf([
      ...headers(h, [`Content-Type: multipart/mixed; boundary="${boundary}"`]),
      '',
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...body,
      `--${boundary}`,
      `Content-Type: ${file.type}; name="${file.name}"`,
      `Content-Disposition: attachment; filename="${file.name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      ...base64Lines(file.data),
      `--${boundary}--`,
    ]),
    'utf8',
  );
}

/** The folders and messages of `upn`'s demo mailbox, INBOX first, in the order they are stored. */
export function demoMailbox(upn: string): SeedFolder[] {
  const me = upn.toLowerCase();
  const colleague = 'megan.bowen@contoso.example';
  const h = (n: number, subject: string, from: string, to: string, date: string): Header => ({ from, to, subject, date, id: `seed-${n}.${createHash('sha256').update(me).digest('hex').slice(0, 12)}` });
  return [
    {
      name: 'INBOX',
      messages: [
        { flags: ['S'], raw: plain(h(1, 'Welcome to the sandbox mailbox', colleague, me, 'Mon, 01 Dec 2025 09:00:00 +0000'), ['Hello,', '', 'This mailbox is seeded by the m365-connect sandbox.', 'Café, naïve, Zürich: UTF-8 survives the backup.']) },
        {
          flags: ['S', 'F'],
          raw: withAttachment(h(2, 'Quarterly report (PDF attached)', colleague, me, 'Tue, 02 Dec 2025 10:30:00 +0000'), ['The report is attached.'], {
            name: 'report-q4.pdf',
            type: 'application/pdf',
            data: Buffer.concat([Buffer.from('%PDF-1.4\n% sandbox\n'), deterministicBytes(`${me}:pdf`, 4096), Buffer.from('\n%%EOF\n')]),
          }),
        },
        {
          flags: [],
          raw: withAttachment(h(3, 'Large attachment (about 1 MB)', colleague, me, 'Wed, 03 Dec 2025 08:15:00 +0000'), ['A large attachment, to test streaming.'], {
            name: 'archive.bin',
            type: 'application/octet-stream',
            data: deterministicBytes(`${me}:large`, 768 * 1024),
          }),
        },
      ],
    },
    {
      name: 'Sent',
      specialUse: '\\Sent',
      messages: [{ flags: ['S'], raw: plain(h(4, 'Re: Welcome to the sandbox mailbox', me, colleague, 'Mon, 01 Dec 2025 09:05:00 +0000'), ['Thanks, got it.']) }],
    },
    { name: 'Archive', specialUse: '\\Archive', messages: [] },
    {
      name: 'Archive/2025',
      messages: [
        { flags: ['S'], raw: plain(h(5, 'Old thread from 2025', colleague, me, 'Fri, 10 Jan 2025 14:00:00 +0000'), ['Archived message one.']) },
        { flags: ['S', 'R'], raw: plain(h(6, 'Another archived message', colleague, me, 'Sat, 11 Jan 2025 15:00:00 +0000'), ['Archived message two.']) },
      ],
    },
    {
      name: 'Équipe projets',
      messages: [{ flags: ['S'], raw: plain(h(7, 'Réunion de lancement', colleague, me, 'Thu, 04 Dec 2025 11:00:00 +0000'), ['Ordre du jour : budget, équipe, calendrier.']) }],
    },
  ];
}
