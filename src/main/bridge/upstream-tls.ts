import { isIP, type Socket } from 'node:net';
import tls, { type SecureContext, type TLSSocket } from 'node:tls';
import { upstreamErrorFrom, UpstreamError } from './upstream-errors';

export type UpstreamTarget = {
  host: string;
  port: number;
  /** The project's trust (net/trust.ts createTrust: system store plus extraCaFile), built once. Verification is always on. */
  secureContext: SecureContext;
  timeoutMs?: number;
};

const defaultTimeoutMs = 30_000;


/**
 * TLS to Exchange Online with the certificate checked against the configured trust and the
 * host name. There is deliberately no option to skip the check: an untrusted or stripped
 * connection fails here, before any token is written.
 */
export function connectTls(target: UpstreamTarget, socket?: Socket): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const options: tls.ConnectionOptions = {
      host: target.host,
      port: target.port,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(isIP(target.host) ? {} : { servername: target.host }),
      secureContext: target.secureContext,
      ...(socket ? { socket } : {}),
    };
    const secured = tls.connect(options);
    const timer = setTimeout(() => secured.destroy(new UpstreamError('unreachable', 'timeout')), target.timeoutMs ?? defaultTimeoutMs);
    // Once TCP is up, any failure is the TLS handshake's (a plain-text server = stripped TLS).
    let tcpUp = socket !== undefined;
    secured.once('connect', () => {
      tcpUp = true;
    });
    const fail = (error: Error) => {
      clearTimeout(timer);
      secured.destroy();
      reject(upstreamErrorFrom(error, tcpUp ? 'tls' : 'connect'));
    };
    secured.once('error', fail);
    secured.once('secureConnect', () => {
      clearTimeout(timer);
      secured.off('error', fail);
      if (!secured.authorized) {
        secured.destroy();
        reject(new UpstreamError('tls-untrusted', String(secured.authorizationError ?? 'unauthorized')));
        return;
      }
      resolve(secured);
    });
  });
}
