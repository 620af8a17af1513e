import { findDovecot, startDovecot, type DovecotStartInput, type RunningDovecot } from './dovecot';

export type ImapOptions = {
  /** false: no IMAP endpoint (faster starts for tests that do not need it). Default true. */
  enabled?: boolean;
  /** Path of the dovecot binary; null behaves as "not installed". Default: found on PATH or /usr/sbin. */
  binary?: string | null;
};

export type ImapStart = { server: RunningDovecot | null; note: string | null };

/**
 * Starts the IMAP stand-in when Dovecot is there; otherwise the sandbox runs without IMAP and
 * says why (note), never failing the whole sandbox for it.
 */
export async function startImap(options: ImapOptions | undefined, input: Omit<DovecotStartInput, 'binary'>): Promise<ImapStart> {
  if (options?.enabled === false) return { server: null, note: 'IMAP turned off for this sandbox' };
  const binary = options?.binary === undefined ? findDovecot() : options.binary;
  if (!binary) return { server: null, note: 'Dovecot is not installed (apt-get install dovecot-core dovecot-imapd): no IMAP endpoint' };
  try {
    return { server: await startDovecot({ ...input, binary }), note: null };
  } catch (error) {
    return { server: null, note: `Dovecot did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}
