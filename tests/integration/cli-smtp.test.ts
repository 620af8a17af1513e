import { createServer } from 'node:net';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index';
import { smtpCauses } from '../../src/shared/smtp/result';
import { keyringAvailable, runCli, type CliRun } from '../cli/support/cli-process';
import { sandboxEnv } from '../cli/support/sandbox-cli';
import { useSandboxCli } from '../cli/support/sandbox-cli-fixture';
import { filesUnder } from '../support/files-under';

/**
 * store / smtp-test / forget / status through the built CLI: the real keychain (gnome-keyring
 * under scripts/with-keyring.sh) and the sandbox's SMTP server over real STARTTLS.
 */
const reason = 'needs a Secret Service: run under scripts/with-keyring.sh (npm test does)';
const jsonKeys = ['ok', 'cause', 'stage', 'reply', 'advice', 'transcript'];

const parseResult = (run: CliRun) => {
  const result = JSON.parse(run.stdout);
  expect(Object.keys(result)).toEqual(jsonKeys);
  expect(smtpCauses).toContain(result.cause);
  expect(['connect', 'tls', 'auth', 'done']).toContain(result.stage);
  expect(Array.isArray(result.transcript)).toBe(true);
  return result as { ok: boolean; cause: string; stage: string; reply: string | null; advice: string; transcript: string[] };
};

const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!keyringAvailable())(`store, smtp-test, forget against the sandbox (skipped unless ${reason})`, () => {
  const cli = useSandboxCli({ scenario: 'ready-user' });
  const { run, printed } = cli;

  it('store, replace, test with the stored password, forget: exit codes, JSON and no secret anywhere', async () => {
    const { sb, env, upn } = cli;
    const password = sb.createAppPassword(upn, 'backup tool');
    // Pasted the way people do: grouped, with a trailing newline.
    const pasted = `${password.match(/.{1,4}/g)!.join(' ')}\n`;
    const stored = await run(['store', '--user', upn.toUpperCase(), '--password-stdin', '--json'], { stdin: pasted });
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ ok: true, account: upn.toLowerCase(), replaced: false, service: env.M365_CONNECT_KEYCHAIN_SERVICE });

    const again = await run(['store', '--user', upn, '--password-stdin'], { stdin: password });
    expect(again.code).toBe(10);
    expect(again.stderr).toMatch(/already stored/);
    const replaced = await run(['store', '--user', upn, '--password-stdin', '--replace'], { stdin: password });
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/^Replaced the app password for /);

    const status = await run(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ storedAccounts: [upn.toLowerCase()], keychain: { available: true } });

    const ok = await run(['smtp-test', '--user', upn, '--keychain', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseResult(ok)).toMatchObject({ ok: true, cause: 'ok', stage: 'done' });
    expect(parseResult(ok).reply).toMatch(/^235 /);

    const human = await run(['smtp-test', '--user', upn]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/SMTP AUTH login as .* works/);

    const wrong = await run(['smtp-test', '--user', upn, '--password-stdin', '--json'], { stdin: 'wrongwrongwrongw' });
    expect(wrong.code).toBe(3);
    expect(parseResult(wrong)).toMatchObject({ ok: false, cause: 'bad-credentials', stage: 'auth' });

    const forgot = await run(['forget', '--user', upn, '--json']);
    expect(JSON.parse(forgot.stdout)).toMatchObject({ ok: true, removed: true });
    const none = await run(['smtp-test', '--user', upn, '--keychain', '--json']);
    expect(none.code).toBe(9);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, error: { code: 'not-stored', exitCode: 9, nextStep: expect.stringContaining('m365-connect store') } });
    const forgotAgain = await run(['forget', '--user', upn]);
    expect(forgotAgain.code).toBe(0);
    expect(forgotAgain.stdout).toMatch(/No app password was stored/);

    // Neither what was printed nor any file the CLI wrote in its home holds the password.
    for (const text of printed) expect(text).not.toContain(password);
    for (const file of await filesUnder(env.HOME!)) {
      if ((await stat(file)).size > 10_000_000) continue;
      expect(await readFile(file, 'latin1'), file).not.toContain(password);
    }
  }, 180_000);

  it('an untrusted certificate exits 4 before AUTH; --ca trusts it', async () => {
    const { sb, upn } = cli;
    const password = sb.createAppPassword(upn, 'tls check');
    sb.resetCounters();
    const untrusted = await run(['smtp-test', '--user', upn, '--password-stdin', '--json'], { stdin: password, env: { M365_CONNECT_EXTRA_CA_FILE: undefined } });
    expect(untrusted.code).toBe(4);
    expect(parseResult(untrusted)).toMatchObject({ ok: false, cause: 'tls-untrusted', stage: 'tls' });
    expect(sb.counters.smtpAuthAttempts).toBe(0);
    const trusted = await run(['smtp-test', '--user', upn, '--password-stdin', '--ca', sb.caPemPath, '--json'], {
      stdin: password,
      env: { M365_CONNECT_EXTRA_CA_FILE: undefined },
    });
    expect(trusted.code, trusted.stderr).toBe(0);
  });

  it('network failures exit 5: a closed port, and a greeting slower than --timeout', async () => {
    const { sb, upn } = cli;
    const refused = await run(['smtp-test', '--user', upn, '--password-stdin', '--port', String(await closedPort()), '--json'], { stdin: 'abcdabcdabcdabcd' });
    expect(refused.code).toBe(5);
    expect(parseResult(refused)).toMatchObject({ cause: 'connection-refused', stage: 'connect' });

    sb.faults.set({ smtpGreetingDelayMs: 3000 });
    try {
      const slow = await run(['smtp-test', '--user', upn, '--password-stdin', '--timeout', '1', '--json'], { stdin: 'abcdabcdabcdabcd' });
      expect(slow.code).toBe(5);
      expect(parseResult(slow).cause).toBe('timeout');
    } finally {
      sb.faults.clear();
    }
  });

  it('--oauth logs in with XOAUTH2 using the signed-in account; a policy that offers only app passwords refuses it (exit 7)', async () => {
    const { env, upn } = cli;
    const signIn = await cli.signInFirstUser();
    expect(signIn.code, signIn.stderr).toBe(0);
    const oauth = await run(['smtp-test', '--user', upn, '--oauth', '--json']);
    expect(oauth.code, oauth.stderr).toBe(0);
    expect(parseResult(oauth)).toMatchObject({ ok: true, cause: 'ok' });
    expect(oauth.stdout).not.toMatch(/eyJ[\w-]{20,}/); // no token in the transcript

    const policy = join(env.HOME!, 'policy.json');
    await writeFile(policy, JSON.stringify({ routesOffered: ['app-password'] }));
    const refused = await run(['smtp-test', '--user', upn, '--oauth', '--json'], { env: { M365_CONNECT_POLICY: policy } });
    expect(refused.code).toBe(7);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
  }, 120_000);
  it('opens its early connection only once every refusal is settled, and sends nothing on one it does not use', async () => {
    const { env, upn } = cli;
    // A bare TCP listener standing in for the SMTP server: it counts connections and bytes.
    let accepted = 0;
    let received = 0;
    const listener = createServer((socket) => {
      accepted += 1;
      socket.on('data', (chunk) => (received += chunk.length));
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = String((listener.address() as { port: number }).port);
    try {
      const policy = join(env.HOME!, 'policy-app-password-only.json');
      await writeFile(policy, JSON.stringify({ routesOffered: ['app-password'] }));
      const refused = await run(['smtp-test', '--user', upn, '--oauth', '--json'], { env: { M365_CONNECT_POLICY: policy, M365_CONNECT_SMTP_PORT: port } });
      expect(refused.code).toBe(7);
      expect(accepted).toBe(0);

      // Refused after the server was known (nothing stored): connected early, closed, silent.
      const none = await run(['smtp-test', '--user', 'nobody@contoso.com', '--keychain', '--json'], { env: { M365_CONNECT_SMTP_PORT: port } });
      expect(none.code).toBe(9);
      expect(accepted).toBe(1);
      expect(received).toBe(0);

      // A CA file is checked while the connection opens (its certificates take node:crypto to
      // parse): a broken one, as the setting or as --ca, is refused before the password is read.
      const broken = join(env.HOME!, 'broken-ca.pem');
      await writeFile(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
      const password = 'abcdefghijklmnop';
      const badSetting = await run(['smtp-test', '--user', upn, '--password-stdin', '--json'], {
        env: { M365_CONNECT_SMTP_PORT: port, M365_CONNECT_EXTRA_CA_FILE: broken },
        stdin: password,
      });
      const badFlag = await run(['smtp-test', '--user', upn, '--password-stdin', '--ca', broken, '--json'], { env: { M365_CONNECT_SMTP_PORT: port }, stdin: password });
      for (const refusedCa of [badSetting, badFlag]) {
        expect(refusedCa.code, refusedCa.stderr).toBe(7);
        expect(JSON.parse(refusedCa.stdout)).toMatchObject({ ok: false, error: { code: 'config-invalid', message: expect.stringMatching(/cannot be parsed/) } });
      }
      expect(received).toBe(0);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe.skipIf(!keyringAvailable())(`smtp-test causes per scenario (skipped unless ${reason})`, () => {
  it.each([
    ['smtp-auth-disabled-tenant', 'smtp-auth-disabled-tenant'],
    ['basic-auth-retired', 'basic-auth-retired'],
  ])('%s -> cause %s, exit 3', async (scenario, cause) => {
    const sb = await startSandbox({ scenario });
    try {
      const env = await sandboxEnv(sb);
      const upn = sb.scenario.users[0]!.upn;
      const password = sb.createAppPassword(upn, 'scenario check');
      const run = await runCli(['smtp-test', '--user', upn, '--password-stdin', '--json'], { env, stdin: password });
      expect(run.code, run.stderr).toBe(3);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, cause, stage: 'auth' });
    } finally {
      await sb.stop();
    }
  });
});
