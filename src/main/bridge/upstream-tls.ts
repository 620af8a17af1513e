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
 * TLS sessions (tickets) from verified handshakes, per host, port and trust: the next login
 * resumes instead of a full handshake. Resumption only works with the server that holds the
 * session's keys, so it proves the same identity the full handshake verified; a new trust
 * (another extraCaFile) starts a new map.
 */
const sessions = new WeakMap<SecureContext, Map<string, Buffer>>();
const sessionsFor = (context: SecureContext) => {
  let map = sessions.get(context);
  if (!map) sessions.set(context, (map = new Map()));
  return map;
};
const maxSessionsPerTrust = 64;


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
    const known = sessionsFor(target.secureContext);
    const sessionKey = `${target.host}:${target.port}`;
    const session = known.get(sessionKey);
    const secured = tls.connect(session ? { ...options, session } : options);
    secured.setNoDelay(true);
    // Only a verified connection may hand out a session for later ones; with TLS 1.2 the
    // ticket can arrive before the verification result, so it waits for it.
    let verified = false;
    let pending: Buffer | null = null;
    const keep = (ticket: Buffer) => {
      known.delete(sessionKey);
      if (known.size >= maxSessionsPerTrust) known.delete(known.keys().next().value as string);
      known.set(sessionKey, ticket);
    };
    secured.on('session', (ticket: Buffer) => {
      if (verified) keep(ticket);
      else pending = ticket;
    });
    const timer = setTimeout(() => secured.destroy(new UpstreamError('unreachable', 'timeout')), target.timeoutMs ?? defaultTimeoutMs);
    // Once TCP is up, any failure is the TLS handshake's (a plain-text server = stripped TLS).
    let tcpUp = socket !== undefined;
    secured.once('connect', () => {
      tcpUp = true;
    });
    const fail = (error: Error) => {
      clearTimeout(timer);
      known.delete(sessionKey);
      secured.destroy();
      reject(upstreamErrorFrom(error, tcpUp ? 'tls' : 'connect'));
    };
    secured.once('error', fail);
    secured.once('secureConnect', () => {
      clearTimeout(timer);
      secured.off('error', fail);
      if (!secured.authorized) {
        known.delete(sessionKey);
        secured.destroy();
        reject(new UpstreamError('tls-untrusted', String(secured.authorizationError ?? 'unauthorized')));
        return;
      }
      verified = true;
      if (pending) keep(pending);
      pending = null;
      resolve(secured);
    });
  });
}
