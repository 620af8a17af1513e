import type { BridgeAccountStatus, BridgeFailureCause, BridgeHealth, BridgeProtocol } from '../../shared/bridge/status';

const signInCauses = new Set<BridgeFailureCause>(['not-signed-in', 'refresh-token-expired', 'refresh-token-revoked', 'sign-in-frequency', 'upstream-auth-rejected']);
const adminCauses = new Set<BridgeFailureCause>(['smtp-auth-disabled', 'conditional-access', 'consent-missing']);

/** Per-account bookkeeping for status(): sessions, last error, last success. */
export class AccountBook {
  private readonly accounts = new Map<string, BridgeAccountStatus>();

  private entry(upn: string): BridgeAccountStatus {
    const key = upn.trim().toLowerCase();
    let entry = this.accounts.get(key);
    if (!entry) {
      entry = { upn: key, sessionsOpen: 0, lastError: null, lastSuccessAt: null };
      this.accounts.set(key, entry);
    }
    return entry;
  }

  has(upn: string): boolean {
    return this.accounts.has(upn.trim().toLowerCase());
  }

  known(upn: string): void {
    this.entry(upn);
  }

  succeeded(upn: string): void {
    const entry = this.entry(upn);
    entry.lastError = null;
    entry.lastSuccessAt = new Date().toISOString();
  }

  /**
   * Records the failure; true when it is the first of its cause since the last success (worth
   * one notification: a tool retrying every minute must not raise one each time).
   */
  failed(upn: string, protocol: BridgeProtocol, cause: BridgeFailureCause, message: string): boolean {
    const entry = this.entry(upn);
    const first = entry.lastError?.cause !== cause;
    entry.lastError = { cause, protocol, at: new Date().toISOString(), message };
    return first;
  }

  clear(upn: string): void {
    const entry = this.accounts.get(upn.trim().toLowerCase());
    if (entry) entry.lastError = null;
  }

  opened(upn: string): void {
    this.entry(upn).sessionsOpen += 1;
  }

  closed(upn: string): void {
    const entry = this.entry(upn);
    entry.sessionsOpen = Math.max(0, entry.sessionsOpen - 1);
  }

  list(): BridgeAccountStatus[] {
    return [...this.accounts.values()].map((entry) => ({ ...entry, lastError: entry.lastError ? { ...entry.lastError } : null }));
  }

  health(): BridgeHealth {
    const causes = [...this.accounts.values()].flatMap((entry) => (entry.lastError ? [entry.lastError.cause] : []));
    if (causes.some((cause) => signInCauses.has(cause))) return 'needs-sign-in';
    if (causes.some((cause) => adminCauses.has(cause))) return 'needs-admin';
    if (causes.some((cause) => cause !== 'wrong-local-password')) return 'error';
    return 'ok';
  }
}
