import { adoptOtherBridge } from '../../src/main/bridge/adopt';
import { createBridgeHealthMonitor } from '../../src/main/bridge/health';
import type { Services } from '../../src/main/services';
import type { BridgeStatus } from '../../src/shared/bridge/status';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { fakePlatform } from './fake-platform';
import { wizardServices, type WizardScenario } from './wizard-fakes';

const stopped: BridgeStatus = { state: 'stopped', owner: null, pid: null, listeners: [], accounts: [], sessionsOpen: 0, health: 'ok' };

/** The scripted wizard services plus a fake bridge (real loopback listeners) and its health monitor. */
export function bridgeWizard(scenario: WizardScenario = {}) {
  const base = wizardServices(scenario);
  const platform = fakePlatform();
  const fake: FakeBridge = createFakeBridge();
  const bridge = adoptOtherBridge(fake, async () => stopped);
  const settings = { ...base.settings, bridgeSmtpPort: 0, bridgeImapPort: 0 };
  const bridgeHealth = createBridgeHealthMonitor({ bridge, auth: base.auth, platform, startAtLogin: settings.bridgeStartAtLogin });
  const services: Services & { calls: string[] } = Object.assign(base, { settings, bridge, bridgeHealth });
  return {
    services,
    platform,
    fake,
    close: async () => {
      bridgeHealth.close();
      await fake.stop();
    },
  };
}
