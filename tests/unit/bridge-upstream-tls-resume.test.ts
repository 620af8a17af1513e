import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateLocalCertificate } from '../../src/main/bridge/local-certificate';
import { UpstreamError } from '../../src/main/bridge/upstream-errors';
import { connectTls } from '../../src/main/bridge/upstream-tls';
import { trustFromPem } from '../../src/main/net/trust';

const servers: tls.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function tlsServer(certificate: { key: string; cert: string }, port = 0): Promise<number> {
  const server = tls.createServer({ key: certificate.key, cert: certificate.cert }, (socket) => socket.end('* OK ready\r\n'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** The server greets and hangs up; the client reads to the end, as a session would (tickets come after the handshake). */
const closeAfterGreeting = (socket: tls.TLSSocket) =>
  new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.resume();
  });

describe('upstream TLS session reuse', () => {
  it('the second login to the same verified upstream resumes the session instead of a full handshake', async () => {
    const certificate = await loadOrCreateLocalCertificate(await mkdtemp(join(tmpdir(), 'resume-')));
    const port = await tlsServer(certificate);
    const target = { host: '127.0.0.1', port, secureContext: trustFromPem(certificate.cert).secureContext };
    const first = await connectTls(target);
    expect(first.isSessionReused()).toBe(false);
    await closeAfterGreeting(first);
    const second = await connectTls(target);
    expect(second.authorized).toBe(true);
    expect(second.isSessionReused()).toBe(true);
    await closeAfterGreeting(second);
  });

  it('a remembered session never vouches for another server on the same address: it is verified afresh and refused', async () => {
    const trusted = await loadOrCreateLocalCertificate(await mkdtemp(join(tmpdir(), 'resume-')));
    const port = await tlsServer(trusted);
    const target = { host: '127.0.0.1', port, secureContext: trustFromPem(trusted.cert).secureContext };
    await closeAfterGreeting(await connectTls(target));
    await new Promise((resolve) => servers.pop()!.close(resolve));
    // An impostor takes the port with a certificate the trust does not know.
    const impostor = await loadOrCreateLocalCertificate(await mkdtemp(join(tmpdir(), 'resume-')));
    await tlsServer(impostor, port);
    const refused = await connectTls(target).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamError);
    expect((refused as UpstreamError).kind).toBe('tls-untrusted');
  });
});
