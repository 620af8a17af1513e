import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../scripts/electron-runtime';

const root = resolve(__dirname, '../..');

/** Runs the launcher `npm start` ends in, until `until` matches its output; then stops it. */
function runStart(env: NodeJS.ProcessEnv, until: RegExp, timeoutMs = 60_000) {
  return new Promise<{ output: string; exitCode: number | null }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not get there in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ output, exitCode });
    });
  });
}

describe('npm start (the launcher) on a machine without the Electron runtime or a display', () => {
  // Where the Electron runtime is installed, npm start runs Electron instead: not this path.
  it.skipIf(findElectronRuntime(root) !== null)('starts the demo tenant, opens the app in the Chromium shell headless, and stops cleanly', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'm365-start-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: userDataDir, M365_CONNECT_USER_DATA_DIR: userDataDir };
    const { output, exitCode } = await runStart(env, /Press Ctrl-C to stop/);
    expect(output).toContain('Demo tenant (scenario "ready-user")');
    expect(output).toMatch(/sign in as \S+@\S+, password \S+, MFA code \d+/);
    expect(output).toContain('The Electron runtime is not installed here; opening the app in the system Chromium instead.');
    expect(existsSync(join(userDataDir, 'start-screenshot.png'))).toBe(true);
    expect(exitCode).toBe(0);
  });
});
