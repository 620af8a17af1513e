import type { TLSSocket } from 'node:tls';
import { LineReader } from './line-reader';
import { UpstreamError, upstreamErrorFrom } from './upstream-errors';
import { connectTls, type UpstreamTarget } from './upstream-tls';
import { xoauth2 } from './xoauth2';

const tag = 'M365B1';

/**
 * IMAP to Exchange Online as Microsoft documents it: implicit TLS on 993, then
 * `AUTHENTICATE XOAUTH2` with the initial response
 * (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth).
 * Resolves with the authenticated socket (paused, nothing read past the tagged OK) and the
 * text of that OK (e.g. `[CAPABILITY ...] Logged in`) for the tool's own tagged reply.
 */
export async function openImapUpstream(target: UpstreamTarget, upn: string, accessToken: string): Promise<{ socket: TLSSocket; okText: string }> {
  const socket = await connectTls(target);
  try {
    const reader = new LineReader(socket);
    const greeting = await reader.line();
    if (!/^\* OK\b/i.test(greeting)) throw new UpstreamError('unreachable', `greeting: ${greeting.slice(0, 80)}`);
    socket.write(`${tag} AUTHENTICATE XOAUTH2 ${xoauth2(upn, accessToken)}\r\n`);
    for (;;) {
      const line = await reader.line();
      // A continuation carries the error as base64 JSON; an empty answer gets the tagged NO.
      if (line.startsWith('+')) {
        socket.write('\r\n');
        continue;
      }
      if (line.startsWith('* ')) continue;
      if (!line.startsWith(`${tag} `)) continue;
      const [, status = '', text = ''] = /^\S+ (\S+) ?(.*)$/.exec(line) ?? [];
      if (status.toUpperCase() === 'OK') {
        reader.detach();
        return { socket, okText: text };
      }
      throw new UpstreamError(/\[UNAVAILABLE\]/i.test(text) ? 'unreachable' : 'auth-rejected', `${status} ${text}`.slice(0, 200));
    }
  } catch (error) {
    socket.destroy();
    throw upstreamErrorFrom(error, 'tls');
  }
}
