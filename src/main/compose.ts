import { join } from 'node:path';
import { createAuthService } from './auth';
import { loadConfig, settingsFileIn, type ResolvedConfig } from './config';
import { createTrust } from './net/trust';
import { effectiveSettingsFrom } from './config/effective-settings';
import { createDocumentService } from './documents';
import { createReadinessService } from './graph';
import { createBridgeService, readBridgeState } from './bridge';
import { adoptOtherBridge, type AdoptingBridge } from './bridge/adopt';
import type { BridgeService } from './bridge/bridge-service-types';
import { createBridgeHealthMonitor } from './bridge/health';
import type { Platform } from './platform-port';
import type { Services } from './services';
import { createSmtpService } from './smtp';
import { createVaultService } from './vault';

/**
 * Builds the real services from the resolved configuration. Shared by Electron's main, the
 * Chromium shell and the tests, so all three run the same code; only Platform differs.
 */
export async function composeServices(options: {
  platform: Platform;
  version: string;
  config?: ResolvedConfig;
  /** The bridge to run in this process; tests pass a fake. Default: the real one. */
  bridge?: BridgeService;
  /** "Now" as a calendar date, injected by tests (the Basic-auth default-off date depends on it). */
  today?: () => string;
}): Promise<Services> {
  const { platform } = options;
  const dataDir = platform.appDataDir();
  const config = options.config ?? (await loadConfig({ settingsFile: settingsFileIn(dataDir) }));
  const { values } = config;
  // One trust for sign-in, Graph and SMTP: the CA file is read here, once.
  const trust = createTrust(values.extraCaFile);
  const auth = await createAuthService({ config, platform, cacheDir: join(dataDir, 'msal'), trust });
  const readiness = createReadinessService({ config, auth, trust, ...(options.today ? { today: options.today } : {}) });
  const settings = effectiveSettingsFrom(config, config.demoTenant ? [new URL(values.authorityHost).origin] : []);
  const bridge: AdoptingBridge = adoptOtherBridge(
    options.bridge ?? createBridgeService({ auth, config: values, dataDir, trust }),
    () => readBridgeState(dataDir),
  );
  const bridgeHealth = createBridgeHealthMonitor({ bridge, auth, platform, startAtLogin: settings.bridgeStartAtLogin });
  return {
    version: options.version,
    // In the demo tenant, the sandbox's own sign-in and security-info pages may be opened too.
    settings,
    auth,
    readiness,
    vault: createVaultService({ service: values.keychainService }),
    smtp: createSmtpService({ host: values.smtpHost, port: values.smtpPort, trust }),
    documents: createDocumentService({ hiddenGuides: values.hiddenGuides }),
    bridge,
    bridgeHealth,
    close: async () => {
      bridgeHealth.close();
      await bridge.stop();
      await Promise.all([auth.close(), readiness.close()]);
      await trust.close();
    },
  };
}
