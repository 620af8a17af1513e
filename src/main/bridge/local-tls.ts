import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';

/** Upgrades a local connection after STARTTLS; resolves once the handshake is done. */
export function upgradeToTls(socket: Socket, secureContext: SecureContext): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secured = new TLSSocket(socket, { isServer: true, secureContext });
    const fail = (error: Error) => {
      secured.destroy();
      reject(error);
    };
    secured.once('error', fail);
    secured.once('secure', () => {
      secured.off('error', fail);
      resolve(secured);
    });
  });
}
