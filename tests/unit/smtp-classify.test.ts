import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideIds } from '../../src/shared/readiness/guide-ids';
import { classifyReply, classifySmtpOutcome, type SmtpOutcome } from '../../src/shared/smtp/classify';
import { exitCodeForCause } from '../../src/shared/smtp/exit-codes';
import { smtpCauses, type SmtpCause, type SmtpMethod } from '../../src/shared/smtp/result';

/** Every reply Exchange Online is known to send on SMTP AUTH (Microsoft Learn, "Fix issues with printers, scanners and LOB applications" and "Authenticated client SMTP submission"), verbatim, with its cause per method. */
const verbatim: { reply: string; basic: SmtpCause; oauth: SmtpCause; adviceMentions?: RegExp }[] = [
  { reply: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', basic: 'smtp-auth-disabled-tenant', oauth: 'smtp-auth-disabled-tenant' },
  { reply: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.', basic: 'smtp-auth-disabled-mailbox', oauth: 'smtp-auth-disabled-mailbox' },
  { reply: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.', basic: 'basic-auth-disabled', oauth: 'basic-auth-disabled' },
  { reply: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.', basic: 'bad-credentials', oauth: 'oauth-token-rejected' },
  { reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy", basic: 'security-defaults', oauth: 'security-defaults' },
  {
    reply: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    basic: 'conditional-access',
    oauth: 'conditional-access',
  },
  { reply: '535 5.7.3 Authentication unsuccessful', basic: 'bad-credentials', oauth: 'oauth-token-rejected' },
  { reply: '530 5.7.57 Client not authenticated to send mail', basic: 'unknown', oauth: 'unknown', adviceMentions: /sign-in did not succeed/ },
  { reply: '550 5.7.60 SMTP; Client does not have permissions to send as this sender', basic: 'unknown', oauth: 'unknown', adviceMentions: /Send As/ },
  {
    reply: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception',
    basic: 'unknown',
    oauth: 'unknown',
    adviceMentions: /Send As/,
  },
  { reply: '554 5.2.252 SendAsDenied', basic: 'unknown', oauth: 'unknown', adviceMentions: /Send As/ },
  { reply: '550 5.7.30 Basic authentication is not supported for Client Submission.', basic: 'basic-auth-retired', oauth: 'basic-auth-retired' },
  { reply: '550 5.1.8 Bad outbound sender', basic: 'unknown', oauth: 'unknown', adviceMentions: /restricted this mailbox/ },
  { reply: '504 5.7.4 Unrecognized authentication type', basic: 'mechanism-unsupported', oauth: 'mechanism-unsupported' },
];

const successReply = '235 2.7.0 Authentication successful';

const authFailure = (reply: string, method: SmtpMethod): SmtpOutcome => ({
  method,
  authenticated: false,
  stage: 'auth',
  errorCode: 'EAUTH',
  reply,
  message: `Invalid login: ${reply}`,
});

/** The ways the same reply reaches users: other datacenter names, casing, trailing text, spacing. */
function variants(reply: string): string[] {
  const withoutPeriod = reply.replace(/\.$/, '');
  return [
    reply,
    `${reply} [AM6P193CA0123.EURP193.PROD.OUTLOOK.COM 2026-11-22T08:00:00.000Z 08DD1234ABCD]`,
    `${withoutPeriod} [Hostname=DB9PR02MB1234.eurprd02.prod.outlook.com]`,
    reply.toUpperCase(),
    reply.toLowerCase(),
    reply.replace(/ /g, '  '),
    `${reply}\r\n`,
  ];
}

describe('SMTP classifier on the replies Microsoft 365 sends', () => {
  for (const { reply, basic, oauth, adviceMentions } of verbatim) {
    it(`${reply.slice(0, 70)} -> ${basic}${oauth !== basic ? ` / ${oauth}` : ''}`, () => {
      for (const variant of variants(reply)) {
        const forBasic = classifySmtpOutcome(authFailure(variant, 'app-password'));
        const forOauth = classifySmtpOutcome(authFailure(variant, 'oauth'));
        expect({ variant, cause: forBasic.cause }).toEqual({ variant, cause: basic });
        expect({ variant, cause: forOauth.cause }).toEqual({ variant, cause: oauth });
        if (adviceMentions) expect(forBasic.advice).toMatch(adviceMentions);
      }
    });
  }

  it('reports success only when the server accepted AUTH', () => {
    const ok = classifySmtpOutcome({ method: 'app-password', authenticated: true, stage: 'done', reply: successReply });
    expect(ok.cause).toBe('ok');
    // A 235 reply text without an accepted AUTH (e.g. an error after it) is not success.
    const notOk = classifySmtpOutcome({ method: 'app-password', authenticated: false, stage: 'auth', errorCode: 'ECONNECTION', reply: null });
    expect(notOk.cause).not.toBe('ok');
  });

  it('places an unseen 5.7.139 text by its code, not as success or a network fault', () => {
    expect(classifyReply('535 5.7.139 Authentication unsuccessful, something new happened', 'app-password')).toBe('bad-credentials');
    expect(classifyReply('535 5.7.139 Authentication unsuccessful, something new happened', 'oauth')).toBe('oauth-token-rejected');
  });

  it('does not mistake a 503 sequence error for an unsupported mechanism', () => {
    expect(classifyReply('503 5.5.1 Bad sequence of commands', 'app-password')).toBeNull();
  });

  it('gives guides that exist', () => {
    for (const { reply } of verbatim) {
      for (const method of ['app-password', 'oauth'] as const) {
        const { guide } = classifySmtpOutcome(authFailure(reply, method));
        if (guide !== undefined) expect(guideIds).toContain(guide);
      }
    }
  });
});

describe('SMTP classifier on connection and TLS failures', () => {
  const failure = (fields: Partial<SmtpOutcome>): SmtpCause =>
    classifySmtpOutcome({ method: 'app-password', authenticated: false, stage: 'connect', ...fields }).cause;

  it.each([
    [{ errorCode: 'ETIMEDOUT', message: 'Greeting never received' }, 'timeout'],
    [{ errorCode: 'ETIMEDOUT', message: 'Connection timeout' }, 'timeout'],
    [{ errorCode: 'ESOCKET', systemCode: 'ETIMEDOUT', message: 'connect ETIMEDOUT 1.2.3.4:587' }, 'timeout'],
    [{ errorCode: 'ESOCKET', systemCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:587' }, 'connection-refused'],
    [{ errorCode: 'ECONNECTION', systemCode: 'ECONNREFUSED' }, 'connection-refused'],
    [{ errorCode: 'ESOCKET', systemCode: 'EHOSTUNREACH' }, 'connection-refused'],
    [{ errorCode: 'EDNS', systemCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND smtp.example.invalid' }, 'dns'],
    [{ errorCode: 'EDNS', systemCode: 'EAI_AGAIN' }, 'dns'],
    [{ errorCode: 'ESOCKET', systemCode: 'ENOTFOUND' }, 'dns'],
    [{ errorCode: 'ECONNECTION', message: 'Connection closed unexpectedly', stage: 'auth' }, 'connection-lost'],
    [{ errorCode: 'ESOCKET', systemCode: 'ECONNRESET', message: 'read ECONNRESET', stage: 'auth' }, 'connection-lost'],
    [{ errorCode: 'ECONNECTION', reply: '421 4.3.2 Service not available, closing transmission channel' }, 'connection-lost'],
    [{ errorCode: 'ETLS', stage: 'tls', reply: '500 Error: command not recognized', message: 'Error upgrading connection with STARTTLS: 500 Error: command not recognized' }, 'starttls-unavailable'],
    [{ errorCode: 'ETLS', stage: 'tls', reply: '454 4.7.0 TLS not available due to temporary reason' }, 'starttls-unavailable'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Connection closed unexpectedly' }, 'starttls-unavailable'],
    [{ errorCode: 'ECONNECTION', message: 'EHLO failed but HELO does not support required STARTTLS. response=502 EHLO not supported' }, 'starttls-unavailable'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - C0:ERROR:ssl3_read_bytes:tlsv1 alert protocol version' }, 'starttls-unavailable'],
    [
      {
        errorCode: 'ESOCKET',
        stage: 'tls',
        systemCode: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
        message: '804C453DF97F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70',
      },
      'starttls-unavailable',
    ],
    [{ errorCode: 'ESOCKET', stage: 'tls', message: 'C0:error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol' }, 'starttls-unavailable'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - self-signed certificate in certificate chain' }, 'tls-untrusted'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - self signed certificate' }, 'tls-untrusted'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - unable to verify the first certificate' }, 'tls-untrusted'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - unable to get local issuer certificate' }, 'tls-untrusted'],
    [{ errorCode: 'ETLS', stage: 'tls', message: 'Error initiating TLS - certificate has expired' }, 'tls-untrusted'],
    [{ errorCode: 'ETLS', stage: 'tls', message: "Error initiating TLS - Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: " }, 'tls-untrusted'],
    [{ errorCode: 'ESOCKET', systemCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, 'tls-untrusted'],
    [{ errorCode: 'ESOCKET', systemCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'tls-untrusted'],
    [{ errorCode: 'EPROTOCOL', reply: '200 what is this', message: 'Invalid greeting' }, 'unknown'],
    [{}, 'unknown'],
  ] as const)('%o -> %s', (fields, cause) => {
    expect(failure(fields)).toBe(cause);
  });

  it('says why the certificate was refused', () => {
    const expired = classifySmtpOutcome({ method: 'oauth', authenticated: false, stage: 'tls', errorCode: 'ETLS', message: 'Error initiating TLS - certificate has expired' });
    expect(expired.advice).toMatch(/expired/);
    const wrongName = classifySmtpOutcome({ method: 'oauth', authenticated: false, stage: 'tls', errorCode: 'ETLS', message: "Hostname/IP does not match certificate's altnames" });
    expect(wrongName.advice).toMatch(/different name/);
  });

  it.each(['toString', '__proto__', 'constructor'])('a system code named %s is not a known cause', (systemCode) => {
    for (const errorCode of [undefined, 'ESOCKET']) {
      const result = classifySmtpOutcome({ method: 'app-password', authenticated: false, stage: 'connect', errorCode, systemCode });
      expect(smtpCauses).toContain(result.cause);
      expect(result.cause).toBe(errorCode ? 'connection-lost' : 'unknown');
    }
  });

  it('always answers with a known cause and some advice, whatever it is given', () => {
    const text = fc.option(fc.string({ maxLength: 200 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom<SmtpMethod>('app-password', 'oauth'),
          authenticated: fc.boolean(),
          stage: fc.constantFrom('connect', 'tls', 'auth', 'done' as const),
          errorCode: fc.option(fc.constantFrom('EAUTH', 'ETLS', 'ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EDNS', 'EPROTOCOL', 'EWHAT'), { nil: undefined }),
          // Prototype names as well: a lookup by code must never reach Object.prototype.
          systemCode: fc.oneof(text, fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'ECONNREFUSED')),
          reply: text,
          message: text,
        }),
        (outcome) => {
          const result = classifySmtpOutcome(outcome);
          expect(smtpCauses).toContain(result.cause);
          expect(result.advice.length).toBeGreaterThan(20);
          expect(result.cause === 'ok').toBe(outcome.authenticated);
        },
      ),
    );
  });
});

describe('smtp-test exit codes', () => {
  it('maps every cause: 0 ok, 3 refused, 4 TLS, 5 network', () => {
    const byCode = (code: number) => smtpCauses.filter((cause) => exitCodeForCause(cause) === code);
    expect(byCode(0)).toEqual(['ok']);
    expect(byCode(4).sort()).toEqual(['starttls-unavailable', 'tls-untrusted']);
    expect(byCode(5).sort()).toEqual(['connection-lost', 'connection-refused', 'dns', 'timeout']);
    expect(byCode(3).sort()).toEqual(
      [
        'bad-credentials',
        'basic-auth-disabled',
        'basic-auth-retired',
        'conditional-access',
        'mechanism-unsupported',
        'oauth-token-rejected',
        'security-defaults',
        'smtp-auth-disabled-mailbox',
        'smtp-auth-disabled-tenant',
      ].sort(),
    );
    expect(exitCodeForCause('unknown')).toBe(1);
  });
});
