import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, keyringAvailable, repoRoot, runCli, type CliRun } from '../cli/support/cli-process';
import { useSandboxCli } from '../cli/support/sandbox-cli-fixture';
import { filesUnder } from '../support/files-under';
import { runTool } from '../support/run-tool';

/**
 * The bridge as IT staff run it: the built CLI, the real keychain (gnome-keyring under
 * scripts/with-keyring.sh), the sandbox tenant, and msmtp as the password-only tool.
 */
const reason = 'needs a Secret Service: run under scripts/with-keyring.sh (npm test does)';

/** `bridge run` in the background; resolves with its ready lines. */
function startBridge(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; ready: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [cliPath, 'bridge', 'run', '--smtp-port', '0', '--imap-port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', M365_CONNECT_POLICY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (/^imap .*\n/m.test(stdout)) resolve({ child, ready: stdout, output: () => stdout + stderr, exited });
    });
    void exited.then((code) => reject(new Error(`bridge run exited ${code}: ${stderr}`)));
  });
}

describe.skipIf(!keyringAvailable())(`m365-connect bridge and token against the sandbox (skipped unless ${reason})`, () => {
  const cli = useSandboxCli({
    scenario: 'ready-user',
    // `printed` holds what every command printed, except the two whose job is to print a secret.
    keepPrinted: (args, result) => !['password', 'token'].some((name) => args.includes(name)) || result.code !== 0,
  });
  const { run, printed } = cli;

  /** Device-code sign-in through the CLI, approved in the sandbox as the user would. */
  const signIn = async (): Promise<CliRun> => {
    const { sb, env, upn } = cli;
    let approved = false;
    return runCli(['sign-in', '--device-code'], {
      env,
      timeoutMs: 60_000,
      onStderr: (stderr) => {
        const code = /enter the code (\S+)/.exec(stderr)?.[1];
        if (code && !approved) {
          approved = true;
          setTimeout(() => sb.approveDeviceCode(code, upn), 20);
        }
      },
    });
  };

  it('bridge password and token refuse with exit 8 before sign-in, then work for that UPN only', async () => {
    const { env, upn } = cli;
    const before = await run(['bridge', 'password', '--user', upn]);
    expect(before.code).toBe(8);
    expect(before.stderr).toMatch(/not signed in/);
    expect((await run(['token', '--user', upn, '--scope', 'smtp'])).code).toBe(8);

    const signedIn = await signIn();
    expect(signedIn.code, signedIn.stderr).toBe(0);

    const first = await run(['bridge', 'password', '--user', upn.toUpperCase()]);
    expect(first.code, first.stderr).toBe(0);
    const password = first.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
    const again = JSON.parse((await run(['bridge', 'password', '--user', upn, '--json'])).stdout);
    expect(again).toEqual({ ok: true, user: upn.toLowerCase(), password, rotated: false });
    const rotated = (await run(['bridge', 'password', '--user', upn, '--rotate'])).stdout.trim();
    expect(rotated).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(rotated).not.toBe(password);
    // Kept where the README says: service <keychainService>-bridge, account = lower-case UPN.
    const lookup = spawnSync('secret-tool', ['lookup', 'service', `${env.M365_CONNECT_KEYCHAIN_SERVICE}-bridge`, 'account', upn.toLowerCase()], { encoding: 'utf8' });
    expect(lookup.stdout).toBe(rotated);

    const token = await run(['token', '--user', upn, '--scope', 'smtp']);
    expect(token.code, token.stderr).toBe(0);
    const jwt = token.stdout.trim();
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ upn, aud: 'https://outlook.office.com' });
    expect(claims.scp).toMatch(/SMTP\.Send/);
    const imap = JSON.parse(Buffer.from((await run(['token', '--user', upn, '--scope', 'imap'])).stdout.trim().split('.')[1]!, 'base64url').toString('utf8'));
    expect(imap.scp).toMatch(/IMAP\.AccessAsUser\.All/);
    const sasl = Buffer.from((await run(['token', '--user', upn, '--scope', 'smtp', '--sasl'])).stdout.trim(), 'base64').toString('utf8');
    expect(sasl).toMatch(new RegExp(`^user=${upn.toLowerCase().replace(/\./g, '\\.')}\\x01auth=Bearer ey[\\w-]+\\.[\\w-]+\\.[\\w-]+\\x01\\x01$`));

    // Another UPN is not signed in, even though someone is: never the wrong account's token.
    const other = await run(['token', '--user', 'someone.else@contoso.onmicrosoft.com', '--scope', 'smtp', '--json']);
    expect(other.code).toBe(8);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('bridge run: ready lines, one bridge per user, msmtp submits through it over local STARTTLS, SIGTERM stops it; no secret in any output or file', async () => {
    const { sb, env, upn } = cli;
    const password = (await run(['bridge', 'password', '--user', upn])).stdout.trim();
    const bridge = await startBridge(env);
    try {
      const smtp = /^smtp 127\.0\.0\.1:(\d+)$/m.exec(bridge.ready);
      expect(smtp, bridge.ready).not.toBeNull();
      expect(bridge.ready).toMatch(/^smtp 127\.0\.0\.1:\d+\nimap 127\.0\.0\.1:\d+\n$/);

      const status = JSON.parse((await run(['bridge', 'status', '--json'])).stdout);
      expect(status).toMatchObject({ ok: true, state: 'running', owner: 'other-process', pid: bridge.child.pid });
      expect(status.listeners).toEqual([
        { protocol: 'smtp', host: '127.0.0.1', port: Number(smtp![1]), starttls: true },
        { protocol: 'imap', host: '127.0.0.1', port: expect.any(Number), starttls: true },
      ]);
      const second = await run(['bridge', 'run', '--smtp-port', '0', '--imap-port', '0']);
      expect(second.code).toBe(12);
      expect(second.stderr).toMatch(new RegExp(`already runs in another process \\(pid ${bridge.child.pid}`));

      // msmtp, configured as for any password server, trusting the bridge's own certificate.
      const home = env.HOME!;
      const certificate = join(env.XDG_CONFIG_HOME!, 'm365-connect', 'bridge', 'bridge-tls-cert.pem');
      const config = join(home, 'msmtprc');
      await writeFile(
        config,
        ['account bridge', 'host 127.0.0.1', `port ${smtp![1]}`, 'auth login', `user ${upn}`, `password ${password}`, 'tls on', 'tls_starttls on', `tls_trust_file ${certificate}`, `from ${upn}`, ''].join('\n'),
        { mode: 0o600 },
      );
      sb.resetCounters();
      sb.smtpAuthLog.length = 0;
      // Asynchronously: the sandbox answers from this very process.
      const msmtp = await runTool('msmtp', ['-C', config, '-a', 'bridge', 'someone@example.com'], `From: ${upn}\r\nTo: someone@example.com\r\nSubject: msmtp via bridge\r\n\r\nhello\r\n`);
      expect(msmtp.status, `${msmtp.stderr}\n${bridge.output()}`).toBe(0);
      expect(sb.counters.smtpMessages).toBe(1);
      expect(sb.smtpAuthLog).toEqual([{ method: 'XOAUTH2', username: upn.toLowerCase(), ok: true, token: expect.objectContaining({ upn }) }]);

      const running = JSON.parse((await run(['bridge', 'status', '--json'])).stdout);
      expect(running.accounts).toContainEqual(expect.objectContaining({ upn: upn.toLowerCase(), lastError: null, lastSuccessAt: expect.any(String) }));

      bridge.child.kill('SIGTERM');
      expect(await bridge.exited).toBe(0);
      expect(JSON.parse((await run(['bridge', 'status', '--json'])).stdout)).toMatchObject({ state: 'stopped', owner: null });

      const token = (await run(['token', '--user', upn, '--scope', 'smtp'])).stdout.trim();
      expect(bridge.output()).toMatch(new RegExp(`bridge: smtp login for ${upn.toLowerCase().replace(/\./g, "\\.")} relayed`));
      for (const text of [bridge.output(), ...printed]) {
        expect(text).not.toContain(password);
        expect(text).not.toMatch(/eyJ[\w-]{20,}/);
      }
      for (const file of await filesUnder(home)) {
        if (file === config) continue; // the tool's own config: the one place the user put it
        const content = await readFile(file, 'latin1');
        expect(content.includes(password), file).toBe(false);
        expect(content.includes(token.slice(0, 60)), file).toBe(false);
        expect(/eyJ[\w-]{20,}\.[\w-]{20,}\./.test(content), file).toBe(false);
      }
    } finally {
      bridge.child.kill('SIGKILL');
    }
  });

  it('bridge install-service writes a systemd user unit that runs `bridge run`', async () => {
    const { env } = cli;
    const installed = await run(['bridge', 'install-service', '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    const result = JSON.parse(installed.stdout);
    expect(result.file).toBe(join(env.XDG_CONFIG_HOME!, 'systemd', 'user', 'm365-connect-bridge.service'));
    const unit = await readFile(result.file, 'utf8');
    expect(unit).toContain(`ExecStart="${process.execPath}" "${cliPath}" "bridge" "run"`);
    expect(result.enable).toMatch(/systemctl --user enable --now m365-connect-bridge\.service/);
  });
});
