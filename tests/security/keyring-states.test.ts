import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, isolatedHome, keyringAvailable, repoRoot, runCli, type CliRun } from '../cli/support/cli-process';
import { securityLog } from './support/security-log';

const log = securityLog('keyring-states', 11);
afterAll(() => log.flush());

const run = promisify(execFile);
const clientId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const upn = 'ada@contoso.com';
const appPassword = 'abcdefghijklmnop';
const toolsPresent = async () =>
  Promise.all(['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'].map((tool) => run('which', [tool]))).then(
    () => true,
    () => false,
  );
const everything = (result: CliRun) => `${result.stdout}\n${result.stderr}`;

beforeAll(() => ensureBuiltCli());

describe.skipIf(!keyringAvailable())('a damaged token cache in a real keyring', () => {
  const service = `m365-connect-test-${randomBytes(4).toString('hex')}`;
  const cacheService = `${service}.token-cache`;
  // What a refresh token in MSAL's cache looks like, inside JSON that stops half-way.
  const fragment = `0.AXoA-FAKE-REFRESH-${randomBytes(12).toString('hex')}`;
  afterAll(() => keytar.deletePassword(cacheService, 'msal-token-cache').catch(() => false));

  it('every command says so without quoting it; sign-out clears it', async () => {
    await keytar.setPassword(cacheService, 'msal-token-cache', `{"RefreshToken":{"k":{"secret":"${fragment}","credential_type":"RefreshTo`);
    const env = { ...(await isolatedHome()), M365_CONNECT_CLIENT_ID: clientId, M365_CONNECT_TENANT: 'contoso.com', M365_CONNECT_KEYCHAIN_SERVICE: service };
    const runs: CliRun[] = [];
    const cli = async (args: string[]) => {
      const result = await runCli(args, { env });
      runs.push(result);
      return result;
    };

    const whoami = await cli(['whoami', '--json']);
    expect(whoami.code, whoami.stderr).toBe(6);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ ok: false, error: { code: 'token-cache-corrupted' } });
    const human = await cli(['whoami']);
    expect(human.code).toBe(6);
    expect(human.stderr).toMatch(/saved sign-in .* damaged/);
    expect(human.stderr).toContain('sign-out');
    expect((await cli(['check', '--json'])).code).toBe(6);
    const status = await cli(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).signInError).toMatch(/damaged/);

    const signOut = await cli(['sign-out', '--json']);
    expect(signOut.code, signOut.stderr).toBe(0);
    expect(JSON.parse(signOut.stdout)).toMatchObject({ ok: true, signedOut: true });
    expect(await keytar.getPassword(cacheService, 'msal-token-cache')).toBeNull();
    const after = await cli(['whoami', '--json']);
    expect(after.code).toBe(8);

    for (const result of runs) {
      expect(everything(result)).not.toContain(fragment);
      expect(everything(result)).not.toContain('FAKE-REFRESH');
      expect(everything(result)).not.toMatch(/Unexpected (failure|token|end)/);
    }
    log.passed({
      area: 'Keychain',
      tried: 'a token cache in the real keyring holding cut-off JSON with a fake refresh token: whoami, check, status, sign-out, whoami',
      cases: runs.length,
      held: 'typed token-cache-corrupted (exit 6; status reports it), sign-out cleared it (then exit 8), the token fragment in no output',
    });
  });
});

/** A second, private gnome-keyring on its own D-Bus session, which the test locks. */
async function privateKeyring(): Promise<{ env: NodeJS.ProcessEnv; stop(): Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), 'm365-locked-keyring-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run') };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.GNOME_KEYRING_CONTROL;
  const script =
    'mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"; ' +
    'eval "$(printf test-keyring | gnome-keyring-daemon --unlock --components=secrets)"; ' +
    'echo "BUS=$DBUS_SESSION_BUS_ADDRESS"; exec sleep 600';
  const child: ChildProcess = spawn('dbus-run-session', ['--', 'bash', '-c', script], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /BUS=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error('the private keyring did not start')));
  });
  return {
    env: { XDG_DATA_HOME: env.XDG_DATA_HOME, XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR, DBUS_SESSION_BUS_ADDRESS: address, GNOME_KEYRING_CONTROL: undefined },
    stop: async () => {
      child.kill('SIGTERM');
      await rm(home, { recursive: true, force: true });
    },
  };
}

const dbus = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args], { env: { ...process.env, ...env } as NodeJS.ProcessEnv });

describe.skipIf(!(await toolsPresent()))('a locked keyring (real gnome-keyring, locked over D-Bus)', () => {
  let keyring: Awaited<ReturnType<typeof privateKeyring>>;
  let env: NodeJS.ProcessEnv;
  const service = 'm365-connect';
  beforeAll(async () => {
    keyring = await privateKeyring();
    env = { ...(await isolatedHome()), ...keyring.env, M365_CONNECT_CLIENT_ID: clientId, M365_CONNECT_TENANT: 'contoso.com', M365_CONNECT_KEYRING_READY: undefined };
    // A stored app password, then the keyring is locked, as after a screen lock or a new login.
    const store = await runCli(['store', '--user', upn, '--password-stdin', '--json'], { env, stdin: appPassword });
    expect(store.code, store.stderr).toBe(0);
    await dbus(env, '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/aliases/default');
    const locked = await dbus(env, '/org/freedesktop/secrets/aliases/default', 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked');
    expect(locked.stdout).toContain('boolean true');
  }, 60_000);
  afterAll(() => keyring?.stop());

  const stillStored = async () => {
    const found = await dbus(env, '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems', `dict:string:string:service,${service},account,${upn}`);
    return /object path "\/org\/freedesktop\/secrets\/collection\//.test(found.stdout);
  };

  it('status, forget, whoami, check and smtp-test say "locked" (exit 6 / a status part), never crash, never pretend', async () => {
    const status = await runCli(['status', '--json'], { env, cwd: repoRoot });
    expect(status.code, status.stderr).toBe(0);
    const document = JSON.parse(status.stdout) as { keychain: { available: boolean; error?: string }; signInError?: string };
    expect(document.keychain).toMatchObject({ available: false });
    expect(document.keychain.error).toMatch(/locked/);
    expect(document.signInError).toMatch(/locked/);

    const forget = await runCli(['forget', '--user', upn, '--json'], { env });
    expect(forget.code, forget.stdout).toBe(6);
    expect(forget.stdout).toMatch(/locked/);
    expect(await stillStored()).toBe(true);

    for (const command of [['whoami'], ['check'], ['smtp-test', '--user', upn, '--keychain']]) {
      const result = await runCli([...command, '--json'], { env });
      expect(result.code, `${command.join(' ')}: ${result.stdout}${result.stderr}`).toBe(6);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
      expect(JSON.parse(result.stdout).error.message).toMatch(/locked/);
    }
    expect(await stillStored()).toBe(true);
    log.passed({
      area: 'Keychain',
      tried: 'a real gnome-keyring locked over D-Bus holding an app password: status, forget, whoami, check, smtp-test --keychain',
      cases: 6,
      held: 'status exit 0 reporting "locked" for both parts (no crash); the others exit 6 "locked"; the stored password untouched; no unlock prompt',
    });
  }, 120_000);
});
