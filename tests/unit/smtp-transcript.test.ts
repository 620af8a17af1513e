import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, secretPlaceholder } from '../../src/main/smtp/redact';
import { createTranscriptRecorder } from '../../src/main/smtp/transcript';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const password = 'qwertzuiopasdfgh';
const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlLXBhcnQ';

/** Every form a secret could take in a line: plain, base64 alone, inside AUTH PLAIN and XOAUTH2 blobs. */
function forms(upn: string, secret: string): string[] {
  return [
    secret,
    b64(secret),
    b64(`\u0000${upn}\u0000${secret}`),
    b64(`user=${upn}\u0001auth=Bearer ${secret}\u0001\u0001`),
    Buffer.from(secret).toString('base64url'),
  ];
}

function assertClean(lines: string[], upn: string, secret: string) {
  const all = lines.join('\n');
  for (const form of forms(upn, secret)) expect(all).not.toContain(form);
  // Any base64 run in the output decodes to something without the secret.
  for (const run of all.match(/[A-Za-z0-9+/=_-]{8,}/g) ?? []) {
    expect(Buffer.from(run, 'base64').toString('latin1')).not.toContain(secret);
  }
}

describe('redactor', () => {
  it('hides the secret in every form, at every alignment inside a longer blob', () => {
    const redact = createRedactor([password]);
    for (const form of forms('user@contoso.com', password)) {
      expect(redact(`~> ${form}`)).toBe(`~> ${secretPlaceholder}`);
    }
    for (let shift = 0; shift < 6; shift++) {
      const blob = b64(`${'x'.repeat(shift)}${password}tail`);
      expect(redact(`-> ${blob}`)).not.toContain(blob.slice(8, 16));
      expect(Buffer.from(redact(blob), 'base64').toString('latin1')).not.toContain(password);
    }
  });

  it('leaves ordinary SMTP lines untouched', () => {
    const redact = createRedactor([password]);
    for (const line of ['<- 250-AUTH LOGIN XOAUTH2', '<~ 334 VXNlcm5hbWU6', '~> dXNlckBjb250b3NvLmNvbQ==', '<~ 235 2.7.0 Authentication successful']) {
      expect(redact(line)).toBe(line);
    }
  });

  it('hides arbitrary secrets wherever they are embedded (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 80 }).filter((s) => s.trim().length >= 8),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (secret, before, after) => {
          const redact = createRedactor([secret]);
          // In plain text the secret is a token of its own; inside a longer word it is left alone.
          const lines = [
            redact(`${before} ${secret} ${after}`),
            redact(`~> ${b64(`${before}${secret}${after}`)}`),
            redact(`~> AUTH XOAUTH2 ${b64(`user=${before}\u0001auth=Bearer ${secret}\u0001\u0001`)}`),
          ];
          expect(lines.join('\n')).not.toContain(secret);
          for (const line of lines.slice(1)) {
            for (const run of line.match(/[A-Za-z0-9+/=_-]{8,}/g) ?? []) {
              expect(Buffer.from(run, 'base64').toString('utf8')).not.toContain(secret);
            }
          }
        },
      ),
    );
  });
});

/** Feeds the recorder what nodemailer logs, in order; `secure` flips at the STARTTLS point. */
function replay(secret: string, steps: [tnx: 'client' | 'server' | 'network' | 'smtp', text: string][]) {
  let secure = false;
  const recorder = createTranscriptRecorder({ isSecure: () => secure, redact: createRedactor([secret]), describeTls: () => 'TLSv1.3' });
  for (const [tnx, text] of steps) {
    if (tnx === 'smtp' && text === 'Connection upgraded with STARTTLS') secure = true;
    if (tnx === 'network') recorder.logger.info({ tnx, remoteAddress: '127.0.0.1' }, '%s established to %s:%s', 'Connection', '127.0.0.1', 587);
    else if (tnx === 'smtp') recorder.logger.info({ tnx }, text);
    else recorder.logger.debug({ tnx }, text);
  }
  recorder.error(`Invalid login: 535 5.7.3 Authentication unsuccessful (${secret})`);
  return recorder.lines();
}

const handshake: [tnx: 'client' | 'server' | 'network' | 'smtp', text: string][] = [
  ['network', ''],
  ['server', '220 SN4PR0501CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready'],
  ['client', 'EHLO [127.0.0.1]'],
  ['server', '250-SN4PR0501CA0001.outlook.office365.com Hello\n250-SIZE 157286400\n250 STARTTLS'],
  ['client', 'STARTTLS'],
  ['server', '220 2.0.0 SMTP server ready'],
  ['smtp', 'Connection upgraded with STARTTLS'],
  ['client', 'EHLO [127.0.0.1]'],
  ['server', '250-SN4PR0501CA0001.outlook.office365.com Hello\n250 AUTH LOGIN XOAUTH2'],
];

describe('transcript recorder', () => {
  it('marks directions, the TLS point, and hides the AUTH LOGIN password even if logged raw', () => {
    const upn = 'user@contoso.com';
    const lines = replay(password, [
      ...handshake,
      ['client', 'AUTH LOGIN'],
      ['server', '334 VXNlcm5hbWU6'],
      ['client', b64(upn)],
      ['server', '334 UGFzc3dvcmQ6'],
      ['client', b64(password)], // as if nodemailer had not masked it
      ['server', '535 5.7.3 Authentication unsuccessful'],
      ['client', 'QUIT'],
    ]);
    expect(lines).toEqual([
      '=== Connected to 127.0.0.1.',
      '<- 220 SN4PR0501CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
      '-> EHLO [127.0.0.1]',
      '<- 250-SN4PR0501CA0001.outlook.office365.com Hello',
      '<- 250-SIZE 157286400',
      '<- 250 STARTTLS',
      '-> STARTTLS',
      '<- 220 2.0.0 SMTP server ready',
      '=== TLS started: TLSv1.3',
      '~> EHLO [127.0.0.1]',
      '<~ 250-SN4PR0501CA0001.outlook.office365.com Hello',
      '<~ 250 AUTH LOGIN XOAUTH2',
      '~> AUTH LOGIN',
      '<~ 334 VXNlcm5hbWU6',
      `~> ${b64(upn)}`,
      '<~ 334 UGFzc3dvcmQ6',
      '~> [credentials hidden]',
      '<~ 535 5.7.3 Authentication unsuccessful',
      '~> QUIT',
      `*** Invalid login: 535 5.7.3 Authentication unsuccessful (${secretPlaceholder})`,
    ]);
    assertClean(lines, upn, password);
  });

  it('hides the XOAUTH2 blob and the continuation after a 334 error challenge', () => {
    const upn = 'user@contoso.com';
    const blob = b64(`user=${upn}\u0001auth=Bearer ${token}\u0001\u0001`);
    const lines = replay(token, [
      ...handshake,
      ['client', `AUTH XOAUTH2 ${blob}`],
      ['server', `334 ${b64('{"status":"401","schemes":"bearer","scope":"https://outlook.office.com/SMTP.Send"}')}`],
      ['client', ''],
      ['server', '535 5.7.3 Authentication unsuccessful'],
    ]);
    expect(lines).toContain('~> AUTH XOAUTH2 [XOAUTH2 token hidden]');
    expect(lines).toContain('~> ');
    assertClean(lines, upn, token);
  });

  it('hides AUTH PLAIN initial responses', () => {
    const upn = 'user@contoso.com';
    const lines = replay(password, [...handshake, ['client', `AUTH PLAIN ${b64(`\u0000${upn}\u0000${password}`)}`], ['server', '235 2.7.0 Authentication successful']]);
    expect(lines).toContain('~> AUTH PLAIN [credentials hidden]');
    assertClean(lines, upn, password);
  });
});
