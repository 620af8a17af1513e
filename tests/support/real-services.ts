import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index';
import { composeServices } from '../../src/main/compose';
import { loadConfig } from '../../src/main/config';
import type { Platform } from '../../src/main/platform';
import type { Services } from '../../src/main/services';

/** The environment `npm start` gives the app in the demo tenant, for this sandbox. */
export function sandboxEnv(sandbox: Sandbox, keychainService: string): NodeJS.ProcessEnv {
  return {
    M365_CONNECT_DEMO: '1',
    M365_CONNECT_CLIENT_ID: sandbox.clientId,
    M365_CONNECT_AUTHORITY_HOST: sandbox.authorityHost,
    M365_CONNECT_TENANT: sandbox.tenantId,
    M365_CONNECT_GRAPH_BASE_URL: sandbox.graphBaseUrl,
    M365_CONNECT_SMTP_HOST: sandbox.smtp.host,
    M365_CONNECT_SMTP_PORT: String(sandbox.smtp.port),
    M365_CONNECT_EXTRA_CA_FILE: sandbox.caPemPath,
    M365_CONNECT_KEYCHAIN_SERVICE: keychainService,
  };
}

/**
 * The real services (MSAL, Graph, keytar, nodemailer) pointed at a sandbox, exactly as
 * `npm start` composes them, with a private data folder and keychain service name per test.
 */
export async function realServices(
  sandbox: Sandbox,
  platform: (dataDir: string) => Platform,
): Promise<{ services: Services; dataDir: string; keychainService: string; env: NodeJS.ProcessEnv }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'm365-e2e-'));
  const keychainService = `m365-connect-test-${process.pid}-${Date.now().toString(36)}`;
  const env = sandboxEnv(sandbox, keychainService);
  const config = await loadConfig({ env });
  const services = await composeServices({ platform: platform(dataDir), version: '0.0.0-e2e', config });
  return { services, dataDir, keychainService, env };
}
