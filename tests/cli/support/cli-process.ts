import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');
export const cliPath = join(repoRoot, 'out/cli/index.js');

/** The tests run the built CLI (`npm test` builds first); a missing build is built once here. */
export function ensureBuiltCli(): void {
  if (existsSync(cliPath)) return;
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** A private home for one test: settings, token cache marker and data never touch the real user's. */
export async function isolatedHome(): Promise<NodeJS.ProcessEnv> {
  const home = await mkdtemp(join(tmpdir(), 'm365-cli-home-'));
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
}

/**
 * Runs `node out/cli/index.js ...args` as a child process. The environment is the test's
 * (so the keyring wrapper's D-Bus session is inherited) plus `env`; a key set to undefined
 * is removed (e.g. DBUS_SESSION_BUS_ADDRESS for the "no keychain" case).
 */
export function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number; cwd?: string; onStderr?: (text: string) => void } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', M365_CONNECT_POLICY: '' };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`m365-connect ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** Whether a Secret Service answers here (inside scripts/with-keyring.sh it does). */
export const keyringAvailable = () => process.env.M365_CONNECT_KEYRING_READY === '1' && Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
