import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type StartSandboxOptions } from '../../sandbox/index';
import { createAuthService, type AuthServiceWithGraph } from '../../src/main/auth';
import { loadConfig, type ResolvedConfig } from '../../src/main/config';
import { createTrust } from '../../src/main/net/trust';
import { createBridgePasswords, createBridgeService } from '../../src/main/bridge';
import type { BridgeService } from '../../src/main/bridge';
import { memorySecretStore } from '../support/memory-secret-store';


export { memorySecretStore };

export type BridgeKit = {
  sb: Sandbox;
  config: ResolvedConfig;
  auth: AuthServiceWithGraph;
  bridge: BridgeService;
  store: ReturnType<typeof memorySecretStore>;
  dataDir: string;
  logLines: string[];
  smtpPort: number;
  imapPort: number;
  signIn(upn: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The sandbox tenant, the real auth service (MSAL, device code approved as the user would)
 * and the bridge on free loopback ports, all in this process.
 */
export async function startBridgeKit(options: { sandbox?: StartSandboxOptions; env?: Record<string, string> } = {}): Promise<BridgeKit> {
  const sb = await startSandbox(options.sandbox ?? { scenario: 'ready-user' });
  const dataDir = await mkdtemp(join(tmpdir(), 'm365-bridge-'));
  const config = await loadConfig({
    env: {
      M365_CONNECT_CLIENT_ID: sb.clientId,
      M365_CONNECT_TENANT: sb.tenantId,
      M365_CONNECT_SMTP_HOST: sb.smtp.host,
      M365_CONNECT_SMTP_PORT: String(sb.smtp.port),
      M365_CONNECT_EXTRA_CA_FILE: sb.caPemPath,
      M365_CONNECT_KEYCHAIN_SERVICE: 'm365-connect-bridge-test',
      ...imapEnv(sb),
      ...options.env,
    },
    // A policy of its own (the sandbox's hosts are not Microsoft's: only a policy may name
    // them), so a machine-wide policy on the test host cannot leak in either.
    policyFile: await sandboxPolicy(dataDir, sb),
    machinePolicyFile: null,
  });
  const trust = createTrust(config.values.extraCaFile);
  const auth = await createAuthService({
    config,
    trust,
    platform: { openExternal: async () => Promise.reject(new Error('no browser in bridge tests')) },
    cacheDir: join(dataDir, 'msal'),
    openCache: async () => ({ plugin: null, persisted: false, reason: 'test', blocked: null, clear: async () => undefined }),
  });
  const store = memorySecretStore();
  const logLines: string[] = [];
  const bridge = createBridgeService({
    auth,
    config: config.values,
    dataDir,
    trust,
    passwords: createBridgePasswords({ service: 'm365-connect-bridge-test-bridge', store }),
    log: (line) => logLines.push(line),
    stopGraceMs: 200,
  });
  const status = await bridge.start({ smtpPort: 0, imapPort: 0 });
  const port = (protocol: string) => status.listeners.find((l) => l.protocol === protocol)!.port;
  return {
    sb,
    config,
    auth,
    bridge,
    store,
    dataDir,
    logLines,
    smtpPort: port('smtp'),
    imapPort: port('imap'),
    async signIn(upn) {
      await auth.signIn({
        method: 'device-code',
        switchAccount: true,
        onDeviceCode: (info) => setTimeout(() => sb.approveDeviceCode(info.userCode, upn), 20),
      });
    },
    async stop() {
      await bridge.stop();
      await auth.close();
      await trust.close();
      await sb.stop();
    },
  };
}

/** The sandbox's IMAP upstream when Dovecot runs (M365_CONNECT_IMAP_HOST/PORT, as the app reads them). */
export function imapEnv(sb: Sandbox): Record<string, string> {
  return sb.imap ? { M365_CONNECT_IMAP_HOST: sb.imap.host, M365_CONNECT_IMAP_PORT: String(sb.imap.port) } : {};
}

async function sandboxPolicy(dir: string, sb: Sandbox): Promise<string> {
  const file = join(dir, 'policy.json');
  await writeFile(file, JSON.stringify({ authorityHost: sb.authorityHost, graphBaseUrl: sb.graphBaseUrl }));
  return file;
}
