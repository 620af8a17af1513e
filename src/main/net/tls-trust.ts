import { readFileSync } from 'node:fs';
import tls, { type SecureContext } from 'node:tls';

/**
 * The certificate authorities a TLS connection trusts, without any HTTP client: the system store
 * plus an optional extra PEM. trust.ts builds MSAL's and Graph's dispatcher on top of this; the
 * SMTP test login needs only the secure context, so `smtp-test` never loads undici.
 */
const systemBundles = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Arch
  '/etc/pki/tls/certs/ca-bundle.crt', // Fedora, RHEL
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/ssl/cert.pem', // Alpine, macOS (OpenSSL)
];

type TlsWithSystemStore = typeof tls & { getCACertificates?: (type: 'system' | 'default') => string[] };

export function systemCertificates(): string[] {
  const withStore = tls as TlsWithSystemStore;
  // Node 22.15+/23.5+ (Electron's Node) reads the OS store directly.
  if (typeof withStore.getCACertificates === 'function') {
    return withStore.getCACertificates('system');
  }
  if (process.platform === 'win32') return [];
  for (const bundle of systemBundles) {
    try {
      return [readFileSync(bundle, 'utf8')];
    } catch {
      // try the next distribution's location
    }
  }
  return [];
}

/** PEM certificates to pass as `ca` (null = Node's defaults are enough). */
export function trustedCaList(extraPem: string | null): string[] | null {
  // Passing `ca` replaces Node's store, so the system and bundled roots go in too.
  return extraPem ? [...tls.rootCertificates, ...systemCertificates(), extraPem] : null;
}

/** The native context behind a SecureContext; Node adds each `ca` entry through this method. */
type NativeContext = { addCACert?: (pem: string) => void };

const certificateBlock = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g;
const base64Of = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

/** The certificates in `pems` that Node's bundled roots do not already hold, byte for byte. */
export function notInBundledRoots(pems: string[]): string[] {
  const bundled = new Set(tls.rootCertificates.map(base64Of));
  return pems.flatMap((pem) => pem.match(certificateBlock) ?? []).filter((block) => !bundled.has(base64Of(block)));
}

/**
 * For node:tls (the SMTP STARTTLS upgrade); TLS 1.2 at least, as Exchange Online requires.
 * With an extra CA, the system's and the extra certificates are added to a copy of Node's
 * default store, skipping those already in it: parsing Node's ~140 roots again from `ca` text
 * (and the system bundle, mostly the same roots) took a third of `smtp-test`'s start-up.
 */
export function tlsSecureContext(extraPem: string | null): SecureContext {
  const options = { minVersion: 'TLSv1.2' } as const;
  if (!extraPem) return tls.createSecureContext(options);
  const context = tls.createSecureContext(options);
  const native = (context as SecureContext & { context?: NativeContext }).context;
  if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ...options, ca: trustedCaList(extraPem) ?? [] });
  for (const pem of notInBundledRoots(systemCertificates())) native.addCACert(pem);
  native.addCACert(extraPem);
  return context;
}

/** The SMTP login's trust: the system store, plus the extra CA file if one is set. */
export function tlsTrust(extraCaFile: string | null): { secureContext: SecureContext } {
  return { secureContext: tlsSecureContext(extraCaFile ? readFileSync(extraCaFile, 'utf8') : null) };
}
