import { readFileSync } from 'node:fs';
import tls, { type SecureContext } from 'node:tls';

type TlsWithStore = typeof tls & { getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[] };
/** The native context behind a SecureContext; Node adds each `ca` entry through this method. */
type NativeContext = { addCACert?: (pem: string) => void };

/**
 * The CAs for the SMTP connection: Node's store (plus the OS store where Node can read it) and
 * the configured extra CA. Passing `ca` replaces Node's defaults, so they are listed again.
 * `extraCa` is PEM text, or the path of a PEM file.
 */
export function smtpTrustedCas(extraCa: string | undefined): string[] | undefined {
  if (!extraCa) return undefined;
  const pem = readPem(extraCa);
  const withStore = tls as TlsWithStore;
  const defaults =
    typeof withStore.getCACertificates === 'function'
      ? [...withStore.getCACertificates('default'), ...withStore.getCACertificates('system')]
      : [...tls.rootCertificates];
  return [...defaults, pem];
}

/**
 * The TLS context for the SMTP connection: Node's default trust plus the extra CA. Where Node
 * still starts from its default store (Node 20, 22), the extra CA is added to a copy of that
 * store, which costs a fraction of re-reading some 140 root certificates from `ca` text on
 * every start (the CLI's start-up time). Elsewhere the full list from smtpTrustedCas.
 */
export function smtpSecureContext(extraCa: string | undefined): SecureContext {
  const options = { minVersion: 'TLSv1.2' } as const;
  const withStore = tls as TlsWithStore;
  if (!extraCa) return tls.createSecureContext(options);
  if (typeof withStore.getCACertificates !== 'function') {
    const context = tls.createSecureContext(options);
    const native = (context as SecureContext & { context?: NativeContext }).context;
    if (typeof native?.addCACert === 'function') {
      native.addCACert(readPem(extraCa));
      return context;
    }
  }
  return tls.createSecureContext({ ...options, ca: smtpTrustedCas(extraCa) });
}

const readPem = (extraCa: string): string => (extraCa.includes('-----BEGIN') ? extraCa : readFileSync(extraCa, 'utf8'));
