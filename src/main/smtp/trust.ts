import { readFileSync } from 'node:fs';
import tls from 'node:tls';

type TlsWithStore = typeof tls & { getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[] };

/**
 * The CAs for the SMTP connection: Node's store (plus the OS store where Node can read it) and
 * the configured extra CA. Passing `ca` replaces Node's defaults, so they are listed again.
 * `extraCa` is PEM text, or the path of a PEM file.
 */
export function smtpTrustedCas(extraCa: string | undefined): string[] | undefined {
  if (!extraCa) return undefined;
  const pem = extraCa.includes('-----BEGIN') ? extraCa : readFileSync(extraCa, 'utf8');
  const withStore = tls as TlsWithStore;
  const defaults =
    typeof withStore.getCACertificates === 'function'
      ? [...withStore.getCACertificates('default'), ...withStore.getCACertificates('system')]
      : [...tls.rootCertificates];
  return [...defaults, pem];
}
