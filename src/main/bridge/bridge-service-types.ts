import type { BridgeFailureCause, BridgeProtocol, BridgeStatus } from '../../shared/bridge/status';

/**
 * The bridge as the rest of the app sees it: a service like auth or vault, free of
 * 'electron', so the same code runs in the app's main process and under `m365-connect bridge run`.
 */
export type BridgeStartOptions = { smtpPort?: number; imapPort?: number };

export type BridgeEvent =
  | { type: 'status'; status: BridgeStatus }
  /** The first failed upstream login for an account since its last success: the app notifies. */
  | { type: 'login-failed'; upn: string; protocol: BridgeProtocol; cause: BridgeFailureCause; message: string };

export interface BridgeService {
  /** Binds the local listeners (127.0.0.1 unless the policy allows more); port 0 = any free port. */
  start(options?: BridgeStartOptions): Promise<BridgeStatus>;
  /** Closes the listeners and lets open sessions finish briefly. */
  stop(): Promise<void>;
  /** Refuses new logins (with a clear reply) without unbinding; resume() lifts it. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  status(): BridgeStatus;
  /** The account's bridge password from the keychain, created on first use; rotate replaces it. */
  password(upn: string, options?: { rotate?: boolean }): Promise<string>;
  /** Clears an account's recorded failure after the user signed in again. */
  clearFailure(upn: string): void;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}
