import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export type SandboxTls = {
  caPem: string;
  caPemPath: string;
  /** Server key and certificate (leaf signed by the CA) for 127.0.0.1, ::1 and localhost. */
  key: string;
  cert: string;
  dir: string;
};

/**
 * A throwaway CA and a leaf certificate signed by it. Clients trust the CA (never the leaf,
 * never "rejectUnauthorized: false"), exactly as they would trust a corporate root.
 */
export async function createSandboxTls(): Promise<SandboxTls> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 30 * 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'M365 Connect Sandbox Local CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'm365-sandbox-'));
  const caPemPath = join(dir, 'sandbox-ca.pem');
  writeFileSync(caPemPath, ca.cert, { mode: 0o644 });
  return { caPem: ca.cert, caPemPath, key: leaf.private, cert: leaf.cert, dir };
}
