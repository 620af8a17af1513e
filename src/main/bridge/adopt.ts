import type { BridgeStatus } from '../../shared/bridge/status';
import type { BridgeService } from './bridge-service-types';

export type AdoptingBridge = BridgeService & {
  /** Looks again for a bridge another m365-connect process runs (the CLI's `bridge run`). */
  refresh(): Promise<void>;
};

/**
 * One bridge per user: when the CLI's bridge already serves, the app shows and uses that one
 * (its listeners, its status) instead of starting a second. Passwords are shared anyway: both
 * read the same keychain entry.
 */
export function adoptOtherBridge(service: BridgeService, readOther: () => Promise<BridgeStatus>): AdoptingBridge {
  let adopted: BridgeStatus | null = null;
  const own = () => service.status();
  return {
    ...service,
    async start(options) {
      const started = await service.start(options);
      adopted = started.owner === 'other-process' ? started : null;
      return this.status();
    },
    status() {
      const current = own();
      return current.state !== 'stopped' || adopted === null ? current : adopted;
    },
    async refresh() {
      if (own().state !== 'stopped') return;
      const other = await readOther();
      adopted = other.owner === 'other-process' && other.state !== 'stopped' ? other : null;
    },
  };
}
