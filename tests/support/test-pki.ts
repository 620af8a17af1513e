import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

/**
 * A throwaway certificate authority for TLS tests, made in memory: a server certificate it
 * signs (valid, expired, or for another name) and, for "untrusted", a second unrelated CA.
 */
export type TestCertificate = { key: string; cert: string };
export type TestCa = TestCertificate & {
  issue(options?: { altNames?: { dns?: string[]; ip?: string[] }; notBefore?: Date; notAfter?: Date }): Promise<TestCertificate>;
};

const day = 24 * 60 * 60 * 1000;

export async function createTestCa(name = 'm365-connect test CA'): Promise<TestCa> {
  const ca = await generate([{ name: 'commonName', value: name }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - day),
    notAfterDate: new Date(Date.now() + 30 * day),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return {
    key: ca.private,
    cert: ca.cert,
    async issue(options = {}) {
      const dns = options.altNames?.dns ?? ['localhost'];
      const ip = options.altNames?.ip ?? ['127.0.0.1'];
      const leaf = await generate([{ name: 'commonName', value: dns[0] ?? ip[0] ?? 'server' }], {
        keySize: 2048,
        algorithm: 'sha256',
        notBeforeDate: options.notBefore ?? new Date(Date.now() - day),
        notAfterDate: options.notAfter ?? new Date(Date.now() + 7 * day),
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ip.map((value) => ({ type: 7 as const, ip: value }))],
          },
        ],
      });
      return { key: leaf.private, cert: leaf.cert };
    },
  };
}

/** For assertions that the fixture is what it claims to be (e.g. really expired). */
export const describeCertificate = (pem: string) => new X509Certificate(pem);
