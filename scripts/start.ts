/**
 * `npm start`: runs the app. Without a configured app registration it first starts the demo
 * tenant (the sandbox) and points the app at it. With the Electron runtime present it runs
 * Electron; otherwise it says so in one line and opens the Chromium shell.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { appEnvFor } from '../sandbox/app-env';
import { startSandbox } from '../sandbox/index';
import { defaultUserDataDir, loadConfig, settingsFileIn } from '../src/main/config';
import { findElectronRuntime } from './electron-runtime';
import { openShellApp } from './shell-app';

const root = resolve(__dirname, '..');

async function main() {
  const userDataDir = process.env.M365_CONNECT_USER_DATA_DIR ?? defaultUserDataDir();
  const config = await loadConfig({ settingsFile: settingsFileIn(userDataDir) });
  const env = { ...process.env };
  let stopSandbox = async () => undefined as void;

  if (config.values.clientId === null) {
    const scenario = process.env.M365_CONNECT_DEMO_SCENARIO ?? 'ready-user';
    const sandbox = await startSandbox({ scenario });
    stopSandbox = () => sandbox.stop();
    Object.assign(env, { M365_CONNECT_DEMO: '1', ...appEnvFor(sandbox) });
    // The sandbox's hosts come from its own policy file, which a machine-wide policy overrides.
    const demo = await loadConfig({ env, settingsFile: settingsFileIn(userDataDir) });
    if (demo.policyFile !== sandbox.policyPath) {
      console.warn(`This computer's own policy (${demo.policyFile ?? 'unknown'}) applies, so the demo tenant cannot be used here.`);
    }
    console.log(`Demo tenant (scenario "${scenario}"): no Microsoft 365 app registration is configured.`);
    for (const user of sandbox.scenario.users) {
      console.log(`  sign in as ${user.upn}, password ${user.password}, MFA code ${user.mfaCode}`);
    }
    console.log(`  app passwords are created on ${sandbox.securityInfoUrl}`);
  }

  const electron = findElectronRuntime(root);
  const stop = async () => {
    await stopSandbox();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (electron) {
    const child = spawn(electron, [root], { stdio: 'inherit', env });
    child.on('exit', () => void stop());
    return;
  }
  console.log('The Electron runtime is not installed here; opening the app in the system Chromium instead.');
  mkdirSync(userDataDir, { recursive: true });
  await openShellApp({ env, userDataDir, onClosed: stop });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
