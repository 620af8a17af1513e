import { describe, expect, it } from 'vitest';
import { runSmtpTest } from '../../src/main/smtp/run-test';
import type { SmtpService, SmtpTestRequest } from '../../src/main/services';
import type { SmtpCause } from '../../src/shared/smtp/result';

/** An SMTP service stand-in that records what it was asked and answers with a given cause. */
function recordingSmtp(cause: SmtpCause) {
  const requests: SmtpTestRequest[] = [];
  const smtp: SmtpService = {
    async test(request) {
      requests.push(request);
      return { ok: cause === 'ok', cause, stage: cause === 'ok' ? 'done' : 'auth', reply: null, advice: 'x', transcript: [] };
    },
  };
  return { smtp, requests };
}

describe('runSmtpTest (the CLI smtp-test core)', () => {
  it('reads the app password from the keychain and maps the cause to its exit code', async () => {
    const { smtp, requests } = recordingSmtp('bad-credentials');
    const { exitCode } = await runSmtpTest({ smtp, upn: 'u@contoso.com', source: { kind: 'keychain', vault: { read: async () => 'abcdefghijklmnop' } } });
    expect(exitCode).toBe(3);
    expect(requests.map((r) => [r.method, r.secret])).toEqual([['app-password', 'abcdefghijklmnop']]);
  });

  it('uses a fresh token for --oauth', async () => {
    const { smtp, requests } = recordingSmtp('ok');
    const { exitCode, result } = await runSmtpTest({ smtp, upn: 'u@contoso.com', source: { kind: 'oauth', auth: { acquireSmtpToken: async () => 'tok' } } });
    expect([exitCode, result.cause]).toEqual([0, 'ok']);
    expect(requests[0]?.method).toBe('oauth');
  });

  it.each([
    ['tls-untrusted', 4],
    ['starttls-unavailable', 4],
    ['dns', 5],
    ['timeout', 5],
  ] as const)('%s exits %i', async (cause, code) => {
    const { smtp } = recordingSmtp(cause);
    expect((await runSmtpTest({ smtp, upn: 'u@contoso.com', source: { kind: 'given', secret: 'p' } })).exitCode).toBe(code);
  });

  it('refuses to run without a stored password, pointing at store', async () => {
    const { smtp, requests } = recordingSmtp('ok');
    await expect(runSmtpTest({ smtp, upn: 'U@contoso.com', source: { kind: 'keychain', vault: { read: async () => null } } })).rejects.toMatchObject({
      code: 'not-stored',
      nextStep: expect.stringContaining('store'),
    });
    expect(requests).toEqual([]);
  });
});
