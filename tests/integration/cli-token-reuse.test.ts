import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyringAvailable } from '../cli/support/cli-process';
import { useSandboxCli } from '../cli/support/sandbox-cli-fixture';

/**
 * A new CLI process finds the Graph token the last one cached (MSAL files a `.default` token
 * under the scopes Entra granted): no token request while it is valid, one once it is not.
 * Between CLI runs the token cache lives in the OS keychain: needs scripts/with-keyring.sh.
 */
const reason = 'needs a Secret Service for the token cache between CLI runs: run under scripts/with-keyring.sh (npm test does)';

describe.skipIf(!keyringAvailable())(`token reuse across CLI processes (skipped unless ${reason})`, () => {
  const cli = useSandboxCli({ scenario: 'ready-user' });

  const whoami = async () => {
    const { sb } = cli;
    sb.resetCounters();
    const run = await cli.run(['whoami', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, account: { upn: sb.scenario.users[0]!.upn } });
    // The sandbox is not a Microsoft host: its OpenID configuration is read once per process
    // (never Microsoft's instance discovery); for Microsoft's hosts MSAL has both built in.
    expect(sb.counters.discoveryRequests).toBe(1);
    return sb.counters.tokenRequests;
  };

  it('an expired token is renewed once; a valid one is reused without asking Entra', async () => {
    const { sb, env } = cli;
    // The sign-in's token lives two seconds: expired (for MSAL, within five minutes of it) at once.
    sb.setAccessTokenLifetime(2);
    const signIn = await cli.signInFirstUser();
    expect(signIn.code, signIn.stderr).toBe(0);
    sb.setAccessTokenLifetime(3599);

    expect(await whoami()).toBe(1);
    expect(await whoami()).toBe(0);
    expect(await whoami()).toBe(0);

    // What lets the next process find the token: scope names and an expiry, no token.
    const saved = await readFile(join(env.XDG_CONFIG_HOME!, 'm365-connect', 'msal', 'graph-scopes.json'), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ scopes: expect.arrayContaining([expect.stringMatching(/User\.Read/i)]) as unknown });
    expect(saved).not.toMatch(/eyJ[\w-]+\.eyJ/);

    // Sign-out forgets them; the next sign-in starts from `.default` again.
    expect((await cli.run(['sign-out'])).code).toBe(0);
    await expect(readFile(join(env.XDG_CONFIG_HOME!, 'm365-connect', 'msal', 'graph-scopes.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);
});
