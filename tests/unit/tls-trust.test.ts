import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import tls, { type SecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notInBundledRoots, tlsSecureContext } from '../../src/main/net/tls-trust';
import { createTestCa, type TestCa } from '../support/test-pki';

/** Connects to the test server; resolves to whether the server's certificate verified. */
async function verifies(port: number, secureContext?: SecureContext): Promise<boolean> {
  const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false, ...(secureContext ? { secureContext } : {}) });
  await once(socket, 'secureConnect');
  const authorized = socket.authorized;
  socket.destroy();
  return authorized;
}

describe('the TLS trust (SMTP) adds the extra CA beside the default store', () => {
  let ca: TestCa;
  let server: tls.Server;
  let port: number;

  beforeAll(async () => {
    ca = await createTestCa('m365-connect extra CA');
    server = tls.createServer(await ca.issue(), (socket) => socket.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('verifies a server certificate the extra CA issued (its PEM text)', async () => {
    expect(await verifies(port, tlsSecureContext(ca.cert))).toBe(true);
  });

  it('does not verify it without the extra CA', async () => {
    expect(await verifies(port, tlsSecureContext(null))).toBe(false);
  });

  it('adds the extra CA to this context only, never to the process-wide default store', async () => {
    tlsSecureContext(ca.cert);
    expect(await verifies(port)).toBe(false);
    expect(await verifies(port, tls.createSecureContext())).toBe(false);
  });

  it('adds from the system bundle only the certificates Node does not bundle already', () => {
    const bundledRoot = tls.rootCertificates[0]!;
    // The same certificate as a system bundle writes it: other line breaks, a comment before it.
    const rewrapped = bundledRoot.replace(/\n/g, '\r\n');
    const bundle = `# system bundle\n${rewrapped}\n${ca.cert}\n`;
    expect(notInBundledRoots([bundle]).map((pem) => pem.replace(/\s/g, ''))).toEqual([ca.cert.replace(/\s/g, '')]);
  });
});
