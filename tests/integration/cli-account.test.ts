import { describe, expect, it } from 'vitest';
import { verdictSchema } from '../../src/shared/readiness/verdict';
import { keyringAvailable } from '../cli/support/cli-process';
import { useSandboxCli } from '../cli/support/sandbox-cli-fixture';

/**
 * Sign-in, whoami, check, status and sign-out through the built CLI against the sandbox.
 * Between CLI runs the token cache lives in the OS keychain: needs scripts/with-keyring.sh.
 */
const reason = 'needs a Secret Service for the token cache between CLI runs: run under scripts/with-keyring.sh (npm test does)';

describe.skipIf(!keyringAvailable())(`account commands against the sandbox (skipped unless ${reason})`, () => {
  const cli = useSandboxCli({ scenario: 'ready-user' });
  const { run } = cli;

  it('before sign-in: whoami exits 8, check exits 8 with a JSON error', async () => {
    const whoami = await run(['whoami']);
    expect(whoami.code).toBe(8);
    expect(whoami.stderr).toMatch(/You are not signed in/);
    const check = await run(['check', '--json']);
    expect(check.code).toBe(8);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, error: { code: 'not-signed-in', exitCode: 8 } });
  });

  it('signs in with a device code completed in the browser, then whoami, check, status and sign-out', async () => {
    const { sb } = cli;
    const user = sb.scenario.users[0]!;
    const signIn = await cli.signInFirstUser(['--json']);
    expect(signIn.code, signIn.stderr).toBe(0);
    expect(signIn.stderr).toMatch(/enter the code \S+/);
    expect(JSON.parse(signIn.stdout)).toMatchObject({ ok: true, account: { upn: user.upn, tenantId: sb.tenantId } });

    const whoami = await run(['whoami', '--json']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ ok: true, account: { upn: user.upn }, cachePersisted: true });
    const human = await run(['whoami']);
    expect(human.stdout).toMatch(new RegExp(`User\\s+${user.upn.replace(/\./g, '\\.')}`));

    const check = await run(['check', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const verdict = verdictSchema.parse(JSON.parse(check.stdout));
    expect(verdict.account.upn).toBe(user.upn);
    expect(verdict.facts.perUserMfa).toBe('enabled');
    expect(verdict.recommended).toBe('app-password');
    const checkText = await run(['check']);
    expect(checkText.code).toBe(0);
    expect(checkText.stdout).toMatch(/Recommended\s+app-password/);

    const status = await run(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      signedIn: { upn: user.upn },
      keychain: { available: true },
      storedAccounts: [],
      route: 'app-password',
      routesOffered: ['app-password', 'oauth', 'bridge'],
    });

    const signOut = await run(['sign-out', '--json']);
    expect(JSON.parse(signOut.stdout)).toEqual({ ok: true, signedOut: true });
    expect((await run(['whoami'])).code).toBe(8);
    const again = await run(['sign-out']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nobody was signed in/);
  }, 120_000);

  it('a wrong client id is a configuration error (exit 7), not a crash', async () => {
    const run = await cli.run(['sign-in', '--device-code'], { env: { M365_CONNECT_CLIENT_ID: '11111111-2222-3333-4444-555555555555' } });
    expect(run.code, run.stderr).toBe(7);
  });
});
