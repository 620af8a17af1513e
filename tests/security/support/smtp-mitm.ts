import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A man in the middle between the client and a real SMTP server, as an attacker on the network
 * would sit: it records every byte the client sends and can tamper with the STARTTLS exchange.
 * 'strip-advert': removes STARTTLS from the EHLO reply (the classic downgrade) but lets the
 *   command through if the client sends it anyway.
 * 'strip-and-block': removes it and answers STARTTLS with 502, as a server without it would.
 * 'refuse': lets STARTTLS be advertised but answers it with 454 itself.
 */
export type MitmMode = 'strip-advert' | 'strip-and-block' | 'refuse';

const blockedReply: Record<MitmMode, string | null> = {
  'strip-advert': null,
  'strip-and-block': '502 5.5.1 Unrecognized command\r\n',
  refuse: '454 4.7.0 TLS not available due to temporary reason\r\n',
};

export type Mitm = { port: number; clientBytes: () => string; close(): Promise<void> };

export async function startMitm(upstreamPort: number, mode: MitmMode): Promise<Mitm> {
  const fromClient: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort });
    sockets.add(upstream);
    let pending = '';
    client.on('data', (chunk: Buffer) => {
      fromClient.push(chunk);
      const reply = blockedReply[mode];
      if (reply === null) return void upstream.write(chunk);
      pending += chunk.toString('latin1');
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const line = pending.slice(0, newline + 1);
        pending = pending.slice(newline + 1);
        if (/^STARTTLS\r?\n$/i.test(line)) client.write(reply);
        else upstream.write(Buffer.from(line, 'latin1'));
        newline = pending.indexOf('\n');
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      // Same length, so nothing else in the reply shifts.
      client.write(Buffer.from(mode !== 'refuse' ? text.replace(/STARTTLS/gi, 'XXXXXXXX') : text, 'latin1'));
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('mitm has no port');
  return {
    port: address.port,
    clientBytes: () => Buffer.concat(fromClient).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
