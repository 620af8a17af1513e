import { readFileSync } from 'node:fs';
import type { SecureContext } from 'node:tls';
import { Agent as UndiciAgent, type Dispatcher } from 'undici';
import { tlsSecureContext, trustedCaList } from './tls-trust';

/**
 * One place decides which certificate authorities the app trusts: the system store plus an
 * optional extra PEM (the sandbox's CA, or a corporate TLS-inspection CA). MSAL, Graph and
 * SMTP all build their connections from here (the CA list itself in tls-trust.ts), so nobody
 * needs NODE_EXTRA_CA_CERTS.
 */
/**
 * Everything a connection needs to decide trust, built once per process (compose.ts, the CLI's
 * services) and handed to MSAL, Graph, the report and SMTP: one root set, one CA file read.
 */
export type Trust = {
  /** PEM certificates to pass as `ca` to tls/https (null = Node's defaults are enough). */
  ca: string[] | null;
  extraCaFile: string | null;
  /** For undici (MSAL's network module, Graph, the report). */
  dispatcher: Dispatcher;
  /** For node:tls (the SMTP STARTTLS upgrade); TLS 1.2 at least, as Exchange Online requires. */
  secureContext: SecureContext;
  /** Closes the dispatcher's pooled connections (quit, CLI exit). */
  close(): Promise<void>;
};

/** The trust for this configuration: the system store, plus the extra CA file if one is set. */
export function createTrust(extraCaFile: string | null): Trust {
  return buildTrust(extraCaFile ? readFileSync(extraCaFile, 'utf8') : null, extraCaFile);
}

/** The same trust from PEM text already in memory (a test CA, the sandbox's CA). */
export function trustFromPem(pem: string): Trust {
  return buildTrust(pem, null);
}

function buildTrust(extraPem: string | null, extraCaFile: string | null): Trust {
  const ca = trustedCaList(extraPem);
  const dispatcher = createDispatcher({ ca });
  return {
    ca,
    extraCaFile,
    dispatcher,
    secureContext: tlsSecureContext(extraPem),
    close: () => dispatcher.close().catch(() => undefined),
  };
}

export function createDispatcher(trust: Pick<Trust, 'ca'>): Dispatcher {
  return new UndiciAgent({ connect: trust.ca ? { ca: trust.ca } : {}, keepAliveTimeout: 10_000 });
}
