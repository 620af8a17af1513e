import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustFromPem } from '../../src/main/net/trust';
import { createRedactor, createSmtpService, exitCodeForCause } from '../../src/main/smtp';
import { adviceFor } from '../../src/shared/smtp/advice';
import { smtpCauses, type SmtpMethod } from '../../src/shared/smtp/result';
import { displaySafeLine, displaySafeText } from '../../src/shared/text/display-safe';
import { checkServerPassword, normalizeAppPassword } from '../../src/shared/vault/normalize';
import { dovecotSubmissionProblem, startDovecotSubmission } from '../support/dovecot-submission';
import { startTestSmtpServer, type TestSmtpServerOptions } from '../support/smtp-test-server';
import { createTestCa, type TestCa } from '../support/test-pki';
import { hostileText, startScriptedSmtp, unsafeForDisplay, type Script } from './support/scripted-smtp';
import { securityLog } from './support/security-log';

/**
 * What a run against a real Postfix + Dovecot and an outside probe found in the SMTP test login:
 * the mechanism must follow the server's EHLO, a hostile server's text must not reach a terminal,
 * advice must name the server actually used, short secrets must not be accepted nor redacted
 * inside ordinary words, and a handshake the server drops is a TLS problem.
 */
const log = securityLog('smtp-hardening', 12);
afterAll(() => log.flush());

const upn = 'ada.lovelace@contoso.com';
const appPassword = 'qwertzuiopasdfgh';
const token = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJzbXRwIn0.c2ln';
const secretFor = (method: SmtpMethod) => (method === 'oauth' ? token : appPassword);
const timeoutsMs = { connect: 5_000, greeting: 5_000, socket: 5_000 };

let ca: TestCa;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  ca = await createTestCa();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const client = (port: number) => createSmtpService({ host: '127.0.0.1', port, trust: trustFromPem(ca.cert), timeoutsMs });

async function server(options: TestSmtpServerOptions) {
  const started = await startTestSmtpServer({ certificate: await ca.issue(), ...options });
  closers.push(() => started.close());
  return started;
}

async function scripted(script: Script) {
  const started = await startScriptedSmtp(script);
  closers.push(() => started.close());
  return started;
}

describe('the SASL mechanism follows what the server offers after STARTTLS', () => {
  const cases: { offered: string[]; method: SmtpMethod; expected: string | null }[] = [
    { offered: ['PLAIN'], method: 'app-password', expected: 'PLAIN' },
    { offered: ['LOGIN'], method: 'app-password', expected: 'LOGIN' },
    { offered: ['PLAIN', 'LOGIN'], method: 'app-password', expected: 'LOGIN' },
    { offered: ['CRAM-MD5'], method: 'app-password', expected: null },
    { offered: ['XOAUTH2'], method: 'app-password', expected: null },
    { offered: ['PLAIN', 'LOGIN'], method: 'oauth', expected: null },
    { offered: ['LOGIN', 'XOAUTH2'], method: 'oauth', expected: 'XOAUTH2' },
  ];
  const tried: string[] = [];

  for (const { offered, method, expected } of cases) {
    it(`${method} against a server offering ${offered.join(' ')}: ${expected ?? 'mechanism-unsupported, nothing sent'}`, async () => {
      const secret = secretFor(method);
      const smtp = await server({ authMethods: offered });
      const result = await client(smtp.port).test({ upn, method, secret });
      if (expected === null) {
        expect(result).toMatchObject({ ok: false, cause: 'mechanism-unsupported' });
        expect(exitCodeForCause(result.cause)).toBe(3);
        expect(smtp.commands).not.toContain('AUTH');
        expect(result.advice).toContain(`127.0.0.1, port ${smtp.port}`);
        expect(result.advice).not.toMatch(/recreate|create a new one|paste the app password/i);
      } else {
        expect(result).toMatchObject({ ok: true, cause: 'ok' });
        expect(smtp.auths.map((auth) => auth.method)).toEqual([expected]);
        expect(smtp.auths[0]).toMatchObject(method === 'oauth' ? { accessToken: secret } : { username: upn, password: secret });
      }
      expect(JSON.stringify(result)).not.toContain(secret);
      tried.push(`${method} vs ${offered.join('+')}`);
    });
  }

  afterAll(() => {
    if (tried.length === cases.length) {
      log.passed({
        area: 'SMTP mechanism',
        tried: `test login against smtp-server offering only PLAIN, only LOGIN, both, only CRAM-MD5, only XOAUTH2 (app password); LOGIN+PLAIN without XOAUTH2 and with it (OAuth)`,
        cases: tried.length,
        held: 'PLAIN used where LOGIN is missing, LOGIN preferred, XOAUTH2 for OAuth; no usable mechanism gave mechanism-unsupported (exit 3) naming the server, with no AUTH sent and no advice to recreate the password',
      });
    }
  });
});

const dovecotProblem = dovecotSubmissionProblem();

describe.skipIf(dovecotProblem !== null)(`a real submission server (Dovecot) offering one mechanism${dovecotProblem ? ` (skipped: ${dovecotProblem})` : ''}`, () => {
  const tried: string[] = [];
  // The password of a server that is not Microsoft's: 8+ characters, dashes kept.
  const password = 'Pa55-word-x';

  for (const mechanism of ['PLAIN', 'LOGIN'] as const) {
    it(`only AUTH ${mechanism}: the right password signs in with ${mechanism}, a wrong one is bad-credentials, OAuth is mechanism-unsupported`, async () => {
      // Dovecot's relay: any SMTP server will do, it only has to answer.
      const relay = await startTestSmtpServer({ offerStartTls: false });
      closers.push(() => relay.close());
      const dovecot = await startDovecotSubmission({ certificate: await ca.issue(), mechanisms: [mechanism], user: upn, password, relayPort: relay.port });
      closers.push(() => dovecot.close());
      const smtp = client(dovecot.port);

      const ok = await smtp.test({ upn, method: 'app-password', secret: password });
      expect(ok, ok.transcript.join('\n')).toMatchObject({ ok: true, cause: 'ok' });
      expect(ok.transcript).toContain(`~> AUTH ${mechanism}${mechanism === 'PLAIN' ? ' [credentials hidden]' : ''}`);
      expect(dovecot.logins()).toEqual([{ user: upn, method: mechanism }]);

      const wrong = await smtp.test({ upn, method: 'app-password', secret: 'Wrong-password' });
      expect(wrong).toMatchObject({ ok: false, cause: 'bad-credentials' });
      expect(wrong.reply).toMatch(/^535 5\.7\.8/);

      const oauth = await smtp.test({ upn, method: 'oauth', secret: token });
      expect(oauth).toMatchObject({ ok: false, cause: 'mechanism-unsupported', stage: 'auth' });
      expect(oauth.advice).toContain(`It offers: ${mechanism}.`);
      expect(dovecot.logins()).toHaveLength(1);
      for (const result of [ok, wrong, oauth]) expect(JSON.stringify(result)).not.toMatch(/Pa55-word-x|Wrong-password|eyJ0eXAi/);
      tried.push(`Dovecot ${mechanism} only`);
    });
  }

  afterAll(() => {
    if (tried.length === 2) {
      log.passed({
        area: 'SMTP mechanism',
        tried: 'a real Dovecot 2.3 submission server (STARTTLS, passwd-file) offering only AUTH PLAIN, then only AUTH LOGIN: right password, wrong password, OAuth',
        cases: tried.length * 3,
        held: 'signed in with the one mechanism offered (Dovecot logged it); a wrong password is bad-credentials (535 5.7.8); OAuth is mechanism-unsupported naming what is offered, with no login attempt; no secret in any result',
      });
    }
  });
});

describe('a hostile server cannot put escape sequences or bidi overrides on the screen', () => {
  const tried: string[] = [];
  const expectDisplaySafe = (result: { reply: string | null; advice: string; transcript: string[] }) => {
    for (const text of [result.reply ?? '', result.advice, ...result.transcript]) expect(text).not.toMatch(unsafeForDisplay);
    // The readable part of what the server said is still shown.
    expect(result.transcript.join('\n')).toContain('gnp.exe');
  };

  it('before TLS: greeting, EHLO and a STARTTLS refusal full of escapes', async () => {
    const smtp = await scripted({
      greeting: `220 mail.example.org ${hostileText}`,
      reply: (line) => (/^EHLO/i.test(line) ? `250-mail.example.org ${hostileText}\r\n250 STARTTLS` : /^STARTTLS/i.test(line) ? `454 4.7.0 ${hostileText}` : '221 bye'),
    });
    const result = await client(smtp.port).test({ upn, method: 'app-password', secret: appPassword });
    expect(result).toMatchObject({ ok: false, cause: 'starttls-unavailable' });
    expect(result.reply).toContain('454');
    expectDisplaySafe(result);
    tried.push('greeting/EHLO/STARTTLS reply');
  });

  it('after TLS: an AUTH refusal full of escapes', async () => {
    for (const method of ['app-password', 'oauth'] as const) {
      const smtp = await server({ answer: () => ({ accept: false, code: 535, text: `5.7.3 ${hostileText}` }) });
      const result = await client(smtp.port).test({ upn, method, secret: secretFor(method) });
      expect(result.ok).toBe(false);
      expectDisplaySafe(result);
      expect(result.reply).toMatch(/^535 5\.7\.3 /);
      tried.push(`AUTH reply (${method})`);
    }
  });

  it('the one sanitizer leaves no control, C1 or bidi character in any text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(displaySafeLine(text)).not.toMatch(unsafeForDisplay);
        expect(displaySafeLine(text)).not.toMatch(/[\t\n]/);
        expect(displaySafeText(text)).not.toMatch(unsafeForDisplay);
      }),
      { numRuns: 1000 },
    );
    tried.push(...Array<string>(1000).fill('generated'));
  });

  afterAll(() => {
    if (tried.length === 1003) {
      log.passed({
        area: 'SMTP display',
        tried: 'hostile server text (OSC retitle, clear screen, fake green OK, 8-bit CSI, U+202E) in the greeting, EHLO, STARTTLS refusal and AUTH refusal (both methods); 1000 generated strings through the sanitizer',
        cases: tried.length,
        held: 'reply, advice and transcript hold no C0/C1 control, ESC sequence or bidi control; the readable text is kept',
      });
    }
  });
});

describe('advice names the server actually used and the real STARTTLS problem', () => {
  const tried: string[] = [];

  it('STARTTLS not offered is told apart from STARTTLS refused, both naming host and port', async () => {
    const notOffered = await scripted({
      greeting: '220 mail.example.org ESMTP',
      reply: (line) => (/^EHLO/i.test(line) ? '250-mail.example.org\r\n250 AUTH PLAIN LOGIN' : /^STARTTLS/i.test(line) ? '502 5.5.1 not implemented' : '221 bye'),
    });
    const a = await client(notOffered.port).test({ upn, method: 'app-password', secret: appPassword });
    expect(a).toMatchObject({ cause: 'starttls-unavailable' });
    expect(a.advice).toMatch(/does not offer STARTTLS/);
    expect(a.advice).not.toMatch(/refused/);
    expect(a.advice).toContain(`127.0.0.1, port ${notOffered.port}`);
    expect(notOffered.received.some((line) => /^AUTH/i.test(line))).toBe(false);

    const refused = await scripted({
      greeting: '220 mail.example.org ESMTP',
      reply: (line) => (/^EHLO/i.test(line) ? '250-mail.example.org\r\n250 STARTTLS' : /^STARTTLS/i.test(line) ? '454 4.7.0 TLS not available' : '221 bye'),
    });
    const b = await client(refused.port).test({ upn, method: 'app-password', secret: appPassword });
    expect(b.advice).toMatch(/offers STARTTLS but refused it/);
    expect(b.advice).toContain(`127.0.0.1, port ${refused.port}`);
    for (const advice of [a.advice, b.advice]) expect(advice).not.toMatch(/Check the server name and port \(smtp\.office365\.com/);
    tried.push('not offered', 'refused');
  });

  it('an untrusted certificate says so once and names --ca and extraCaFile', async () => {
    const other = await createTestCa('someone else');
    const smtp = await startTestSmtpServer({ certificate: await other.issue() });
    closers.push(() => smtp.close());
    const result = await client(smtp.port).test({ upn, method: 'app-password', secret: appPassword });
    expect(result.cause).toBe('tls-untrusted');
    expect(result.advice.match(/The server's certificate/g)).toHaveLength(1);
    expect(result.advice).toContain('--ca');
    expect(result.advice).toContain('extraCaFile');
    expect(result.advice).toContain('127.0.0.1');
    tried.push('untrusted certificate');
  });

  it('a server that accepts STARTTLS and drops the handshake is a TLS problem (exit 4), not a lost connection', async () => {
    const smtp = await scripted({
      greeting: '220 mail.example.org ESMTP',
      reply: (line) => (/^EHLO/i.test(line) ? '250-mail.example.org\r\n250 STARTTLS' : /^STARTTLS/i.test(line) ? '220 2.0.0 Ready to start TLS' : '221 bye'),
      dropHandshake: true,
    });
    const result = await client(smtp.port).test({ upn, method: 'app-password', secret: appPassword });
    expect(result).toMatchObject({ ok: false, cause: 'starttls-unavailable', stage: 'tls' });
    expect(exitCodeForCause(result.cause)).toBe(4);
    expect(result.advice).toMatch(/TLS handshake/);
    tried.push('handshake dropped');
  });

  it('every cause names the custom host and port, never Microsoft’s as the one used', () => {
    const custom = { host: 'mail.example.org', port: 2525 };
    for (const cause of ['mechanism-unsupported', 'starttls-unavailable', 'timeout', 'connection-refused'] as const) {
      const { advice } = adviceFor(cause, 'app-password', custom);
      expect(advice).toContain('mail.example.org, port 2525');
      expect(advice).not.toMatch(/\(smtp\.office365\.com, 587\)|Microsoft 365 uses smtp\.office365\.com, port 587\.$/);
      tried.push(cause);
    }
    expect(adviceFor('dns', 'app-password', custom).advice).toContain('mail.example.org could not be found');
    tried.push('dns');
  });

  afterAll(() => {
    if (tried.length === 9) {
      log.passed({
        area: 'SMTP advice',
        tried: 'custom host: STARTTLS not offered, offered but refused (454), handshake dropped after 220, certificate from an unknown CA; advice for every network cause with a custom host and port',
        cases: tried.length,
        held: 'advice names the host and port used; "not offered" and "refused" told apart; a dropped handshake is starttls-unavailable (exit 4); certificate advice says it once and names --ca and extraCaFile',
      });
    }
  });
});

describe('short secrets are refused, and redaction never reaches inside ordinary words', () => {
  const allAdvice = () =>
    smtpCauses.flatMap((cause) =>
      (['app-password', 'oauth'] as const).flatMap((method) => [
        adviceFor(cause, method).advice,
        adviceFor(cause, method, { host: 'mail.example.org', port: 25 }).advice,
      ]),
    );
  let cases = 0;

  it('a 1-character secret is refused as an app password and as any other password', () => {
    for (const secret of ['a', 'x', '1']) {
      expect(normalizeAppPassword(secret).ok).toBe(false);
      expect(checkServerPassword(secret).ok).toBe(false);
      cases += 2;
    }
  });

  it('app passwords are exactly 16 letters after removing spaces and dashes; other passwords keep them', () => {
    expect(normalizeAppPassword('qwer-tzui opas-dfgh')).toEqual({ ok: true, value: appPassword, warnings: [] });
    for (const wrong of ['qwertzuiopasdfg', 'qwertzuiopasdfghj', 'qwertzuiopasdf12', 'Pa55-word']) {
      const checked = normalizeAppPassword(wrong);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).not.toContain(wrong);
      cases += 1;
    }
    expect(checkServerPassword('Pa55-w rd')).toEqual({ ok: true, value: 'Pa55-w rd', warnings: [] });
    expect(checkServerPassword('Pa55wrd').ok).toBe(false);
    expect(checkServerPassword('Pa55word\u202e').ok).toBe(false);
    expect(checkServerPassword('Pa55word\ud800').ok).toBe(false);
    expect(checkServerPassword('Pa55word\ud83d\ude00').ok).toBe(true);
    cases += 5;
  });

  it('a 1-character and an 8-character secret leave every advice text intact', () => {
    // 8-character secrets that are not themselves words of the advice (those are rightly hidden).
    for (const secret of ['a', 'e', 'Pa55word', 'hunter22', 'zxcvbnma']) {
      const redact = createRedactor([secret]);
      for (const advice of allAdvice()) {
        expect(redact(advice)).toBe(advice);
        cases += 1;
      }
    }
  });

  it('an 8-character secret is hidden as a whole token and in base64 (alone, AUTH PLAIN, XOAUTH2), at any alignment', () => {
    const secret = 'Pa55word';
    const redact = createRedactor([secret]);
    const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
    const forms = [
      `pass ${secret} end`,
      `"${secret}"`,
      `AUTH PLAIN ${b64(`\0${upn}\0${secret}`)}`,
      `AUTH XOAUTH2 ${b64(`user=${upn}\u0001auth=Bearer ${secret}\u0001\u0001`)}`,
      b64(secret),
      `x${b64(`a${secret}`)}`,
      `zz${b64(`ab${secret}`)}`,
    ];
    for (const form of forms) {
      const out = redact(form);
      expect(out).not.toContain(secret);
      expect(out).not.toContain(b64(secret).slice(0, 8));
      expect(out).toContain('[secret hidden]');
      cases += 1;
    }
    // Inside an ordinary word it is not a token: "Pa55words" stays as written.
    expect(redact('Pa55words')).toBe('Pa55words');
    cases += 1;
  });

  it('random 8+ character secrets never change advice that does not contain them (fast-check)', () => {
    const advice = allAdvice();
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 24 }), (secret) => {
        const redact = createRedactor([secret]);
        for (const text of advice) if (!text.includes(secret)) expect(redact(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
    cases += 300;
  });

  afterAll(() => {
    if (cases > 300) {
      log.passed({
        area: 'Secrets',
        tried: 'secrets of 1 and 8 characters; app passwords of 15, 17 and non-letter characters; every advice text (all causes, both methods, Microsoft and a custom host) redacted with 1- and 8-character secrets and 300 generated ones; the secret in plain, base64, AUTH PLAIN and XOAUTH2 forms',
        cases,
        held: 'a 1-character secret is refused; app passwords only as 16 letters, other passwords at least 8 characters and kept as typed; advice never altered by redaction; every form of the secret hidden',
      });
    }
  });
});
