import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureBuiltCli, isolatedHome, runCli } from '../cli/support/cli-process';

/** The built CLI, no sandbox needed: help, usage errors, configuration and policy, keychain absence. */
beforeAll(() => ensureBuiltCli());

const commands = [
  ['sign-in'],
  ['sign-out'],
  ['whoami'],
  ['check'],
  ['smtp-test'],
  ['store'],
  ['forget'],
  ['status'],
  ['guides'],
  ['guides', 'list'],
  ['guides', 'show'],
  ['guides', 'export'],
  ['config'],
  ['config', 'show'],
  ['report'],
  ['bridge'],
  ['bridge', 'run'],
  ['bridge', 'password'],
  ['bridge', 'status'],
  ['bridge', 'install-service'],
  ['token'],
];

describe('help', () => {
  it.each(commands)('%s --help shows usage and examples and exits 0', async (...command) => {
    const run = await runCli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: m365-connect /);
    expect(run.stdout).toMatch(/\nExamples:\n {2}\$ m365-connect /);
  });

  it('the top-level help documents the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const code of ['0', '2', '3', '4', '5', '6', '7', '8']) expect(run.stdout).toMatch(new RegExp(`\\n +${code}  \\w`));
  });
});

describe('usage errors exit 2', () => {
  it('an unknown flag', async () => {
    const run = await runCli(['status', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
    expect(run.stdout).toBe('');
  });

  it('an unknown command', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it.each([['smtp-test'], ['store', '--password-stdin'], ['forget']])('%s without --user', async (...command) => {
    const run = await runCli(command);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/required option '--user <upn>' not specified/);
  });

  it('a missing --user in --json mode still prints one JSON error document', async () => {
    const run = await runCli(['smtp-test', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage', exitCode: 2 } });
  });

  it('conflicting secret sources', async () => {
    const run = await runCli(['smtp-test', '--user', 'a@b.c', '--oauth', '--password-stdin']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be used with/);
  });

  it('an invalid port', async () => {
    const run = await runCli(['smtp-test', '--user', 'a@b.c', '--port', '99999']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--port must be between 1 and 65535/);
  });

  it('a report file that is neither .csv nor .json', async () => {
    const run = await runCli(['report', '--out', 'users.xlsx'], { env: await isolatedHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out must end in .csv or .json/);
  });

  it('store refuses to prompt when stdin is not a terminal', async () => {
    const run = await runCli(['store', '--user', 'a@b.c'], { env: await isolatedHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/standard input is not a terminal/);
    expect(run.stderr).toMatch(/--password-stdin/);
  });
});

describe('config show', () => {
  it('prints every key with its source: policy over environment over default, locked keys ignored', async () => {
    const home = await isolatedHome();
    const policy = join(home.HOME!, 'policy.json');
    await writeFile(policy, JSON.stringify({ smtpHost: 'smtp.corp.example', locked: ['smtpHost'], routesOffered: ['oauth'] }));
    const run = await runCli(['config', 'show', '--json'], {
      env: { ...home, M365_CONNECT_POLICY: policy, M365_CONNECT_SMTP_PORT: '2525', M365_CONNECT_SMTP_HOST: 'ignored.example' },
    });
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.values).toMatchObject({ smtpHost: 'smtp.corp.example', smtpPort: 2525, tenant: 'organizations', routesOffered: ['oauth'] });
    expect(document.sources).toMatchObject({ smtpHost: 'policy', smtpPort: 'env', tenant: 'default', routesOffered: 'policy' });
    expect(document.locked).toEqual(['smtpHost']);
    expect(document.ignored).toEqual([expect.objectContaining({ key: 'smtpHost', source: 'env' })]);
    expect(document.policyFile).toBe(policy);
  });

  it('the human form names each source and warns about ignored values on stderr', async () => {
    const home = await isolatedHome();
    const policy = join(home.HOME!, 'policy.json');
    await writeFile(policy, JSON.stringify({ tenant: 'contoso.com', locked: ['tenant'] }));
    const run = await runCli(['config', 'show'], { env: { ...home, M365_CONNECT_POLICY: policy, M365_CONNECT_TENANT: 'other.com' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tenant\s+contoso\.com\s+\(policy, locked\)/);
    expect(run.stdout).toMatch(/smtpPort\s+587\s+\(default\)/);
    expect(run.stderr).toMatch(/"tenant" from the environment was ignored/);
    expect(run.stdout + run.stderr).not.toContain('\u001b[');
  });

  it.each([
    ['not JSON', '{ "smtpPort": ', /not valid JSON/],
    ['a bad value', '{ "smtpPort": 70000 }', /"smtpPort": must be between 1 and 65535/],
    ['an unknown key', '{ "smtpPortt": 25 }', /unknown key\(s\): smtpPortt/],
  ])('a malformed policy (%s) exits 7 naming the file and the key, for every command', async (_name, text, problem) => {
    const home = await isolatedHome();
    const policy = join(home.HOME!, 'policy.json');
    await writeFile(policy, text);
    for (const command of [['config', 'show'], ['status'], ['whoami']]) {
      const run = await runCli(command, { env: { ...home, M365_CONNECT_POLICY: policy } });
      expect(run.code).toBe(7);
      expect(run.stderr).toContain(policy);
      expect(run.stderr).toMatch(problem);
      expect(run.stdout).toBe('');
    }
    const json = await runCli(['config', 'show', '--json'], { env: { ...home, M365_CONNECT_POLICY: policy } });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'config-invalid', exitCode: 7 } });
  });

  it('a policy path that does not exist is an error, not a silent default', async () => {
    const run = await runCli(['config', 'show'], { env: { ...(await isolatedHome()), M365_CONNECT_POLICY: '/nonexistent/policy.json' } });
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/\/nonexistent\/policy.json could not be read: the file does not exist/);
  });
});

describe('without a keychain (no D-Bus session)', () => {
  const noDbus = async () => ({ ...(await isolatedHome()), DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined, M365_CONNECT_KEYRING_READY: undefined });

  it('store exits 6 with the way forward and never saves the password elsewhere', async () => {
    const env = await noDbus();
    const run = await runCli(['store', '--user', 'ada@contoso.com', '--password-stdin'], { env, stdin: 'abcdefghijklmnop\n' });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/keychain is not available/);
    expect(run.stderr).toMatch(/gnome-keyring/);
    expect(run.stdout + run.stderr).not.toContain('abcdefghijklmnop');
  });

  it('forget and smtp-test --keychain exit 6; --json gives the error object', async () => {
    const env = await noDbus();
    expect((await runCli(['forget', '--user', 'ada@contoso.com'], { env })).code).toBe(6);
    const run = await runCli(['smtp-test', '--user', 'ada@contoso.com', '--keychain', '--json'], { env });
    expect(run.code).toBe(6);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'keychain-unavailable', exitCode: 6 } });
  });

  it('status still answers, reporting the keychain as unavailable', async () => {
    const run = await runCli(['status', '--json'], { env: await noDbus() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ keychain: { available: false }, storedAccounts: [], signedIn: null });
  });
});

describe('config set / unset', () => {
  const settingsOf = (home: NodeJS.ProcessEnv) => join(home.XDG_CONFIG_HOME!, 'm365-connect', 'settings.json');

  it('saves a checked value to the settings file the app reads, and unset brings the default back', async () => {
    const home = await isolatedHome();
    const set = await runCli(['config', 'set', 'tenant', ' Contoso.com '], { env: home });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`Saved tenant = Contoso.com in ${settingsOf(home)}.`);
    const port = await runCli(['config', 'set', 'SMTPPORT', '2525', '--json'], { env: home });
    expect(JSON.parse(port.stdout)).toEqual({ ok: true, key: 'smtpPort', value: 2525, source: 'settings', settingsFile: settingsOf(home) });
    expect(JSON.parse(await readFile(settingsOf(home), 'utf8'))).toEqual({ tenant: 'Contoso.com', smtpPort: 2525 });
    expect((await stat(settingsOf(home))).mode & 0o777).toBe(0o600);

    const shown = JSON.parse((await runCli(['config', 'show', '--json'], { env: home })).stdout);
    expect(shown.sources).toMatchObject({ tenant: 'settings', smtpPort: 'settings' });

    const unset = await runCli(['config', 'unset', 'smtpPort', '--json'], { env: home });
    expect(JSON.parse(unset.stdout)).toMatchObject({ ok: true, key: 'smtpPort', value: 587, source: 'default' });
    expect(JSON.parse(await readFile(settingsOf(home), 'utf8'))).toEqual({ tenant: 'Contoso.com' });
  });

  it('refuses a bad value (exit 7, naming the key) and an unknown key (exit 2, listing the keys), writing nothing', async () => {
    const home = await isolatedHome();
    const bad = await runCli(['config', 'set', 'smtpPort', '70000'], { env: home });
    expect(bad.code).toBe(7);
    expect(bad.stderr).toMatch(/Configuration key "smtpPort" from the command line is invalid: must be between 1 and 65535/);
    const unknown = await runCli(['config', 'set', 'smtpPortt', '25', '--json'], { env: home });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'usage', nextStep: expect.stringContaining('clientId, tenant, cloud') } });
    await expect(stat(settingsOf(home))).rejects.toThrow();
  });

  it('saves an extra CA file as an absolute path, and refuses one that is not a readable PEM', async () => {
    const home = await isolatedHome();
    const folder = join(home.HOME!, 'certs');
    await mkdir(folder);
    await writeFile(join(folder, 'not-a-cert.pem'), 'hello');
    const missing = await runCli(['config', 'set', 'extraCaFile', 'nope.pem'], { env: home, cwd: folder });
    expect(missing.code).toBe(7);
    expect(missing.stderr).toContain(`${join(folder, 'nope.pem')} does not exist`);
    const notPem = await runCli(['config', 'set', 'extraCaFile', 'not-a-cert.pem'], { env: home, cwd: folder });
    expect(notPem.stderr).toMatch(/holds no PEM certificate/);
    await expect(stat(settingsOf(home))).rejects.toThrow();

    const { default: selfsigned } = await import('selfsigned');
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'Test CA' }], { keySize: 2048, extensions: [{ name: 'basicConstraints', cA: true }] });
    await writeFile(join(folder, 'ca.pem'), pems.cert);
    const saved = await runCli(['config', 'set', 'extraCaFile', 'ca.pem', '--json'], { env: home, cwd: folder });
    expect(JSON.parse(saved.stdout)).toMatchObject({ ok: true, value: join(folder, 'ca.pem'), source: 'settings' });
    expect((await runCli(['config', 'show'], { env: home })).code).toBe(0);
  });

  it('refuses a key the policy locks (exit 7) and warns when the environment overrides the saved value', async () => {
    const home = await isolatedHome();
    const policy = join(home.HOME!, 'policy.json');
    await writeFile(policy, JSON.stringify({ tenant: 'contoso.com', locked: ['tenant'] }));
    const locked = await runCli(['config', 'set', 'tenant', 'fabrikam.com'], { env: { ...home, M365_CONNECT_POLICY: policy } });
    expect(locked.code).toBe(7);
    expect(locked.stderr).toMatch(/policy locks "tenant"/);
    await expect(stat(settingsOf(home))).rejects.toThrow();

    const overridden = await runCli(['config', 'set', 'smtpPort', '465'], { env: { ...home, M365_CONNECT_SMTP_PORT: '2525' } });
    expect(overridden.code).toBe(0);
    expect(overridden.stderr).toMatch(/the environment \(M365_CONNECT_SMTP_PORT\) sets "smtpPort" and takes precedence: the effective value is 2525/);
  });

  it('a settings folder that cannot be written is a clear error (exit 1), not a stack trace', async () => {
    const home = await isolatedHome();
    // The data folder is a link into procfs: settings.json reads as absent, but no file can be
    // created there, whatever the user's rights (CI runs as root, so chmod would not do).
    await mkdir(home.XDG_CONFIG_HOME!, { recursive: true });
    await symlink('/proc/self', join(home.XDG_CONFIG_HOME!, 'm365-connect'));
    const run = await runCli(['config', 'set', 'tenant', 'contoso.com', '--json'], { env: home });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'settings-write-failed', message: expect.stringMatching(/^Could not save the settings file \S+settings\.json: [a-z ]+ \(ENOENT\)\. Your previous settings are unchanged\.$/) } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('output into a reader that has left (`m365-connect --help | head -1`)', () => {
  it.each([[['--help']], [['smtp-test', '--help']], [['guides', 'show', 'create-app-password']]])('%j ends quietly, exit 0', async (args) => {
    const env = await isolatedHome();
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A reader gone before the first write (head -1 after its line): every write meets EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});
