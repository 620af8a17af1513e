import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEnvFor } from '../../sandbox/app-env';
import type { Sandbox } from '../../sandbox/index';
import { composeServices } from '../../src/main/compose';
import { loadConfig } from '../../src/main/config';
import type { Platform } from '../../src/main/platform-port';
import type { Services } from '../../src/main/services';

/** The environment `npm start` gives the app in the demo tenant, for this sandbox. */
export function sandboxEnv(sandbox: Sandbox, keychainService: string): NodeJS.ProcessEnv {
  return { M365_CONNECT_DEMO: '1', ...appEnvFor(sandbox), M365_CONNECT_KEYCHAIN_SERVICE: keychainService };
}

/**
 * The real services (MSAL, Graph, keytar, nodemailer) pointed at a sandbox, exactly as
 * `npm start` composes them, with a private data folder and keychain service name per test.
 */
export async function realServices(
  sandbox: Sandbox,
  platform: (dataDir: string) => Platform,
  /** env: added to the sandbox's environment, e.g. the bridge's ports. */
  options: { today?: () => string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ services: Services; dataDir: string; keychainService: string; env: NodeJS.ProcessEnv }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'm365-e2e-'));
  const keychainService = `m365-connect-test-${process.pid}-${Date.now().toString(36)}`;
  const { env: extraEnv, ...composeOptions } = options;
  const env = { ...sandboxEnv(sandbox, keychainService), ...extraEnv };
  // The sandbox's own policy (its hosts), and no machine-wide policy from the test host.
  const config = await loadConfig({ env, machinePolicyFile: null });
  const services = await composeServices({ platform: platform(dataDir), version: '0.0.0-e2e', config, ...composeOptions });
  return { services, dataDir, keychainService, env };
}
