import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

export type LocalCertificate = { key: string; cert: string };

const keyFile = 'bridge-tls-key.pem';
const certFile = 'bridge-tls-cert.pem';

/**
 * The certificate the local listeners offer with STARTTLS: made once for 127.0.0.1 and
 * localhost and kept in the app's data folder (key readable by the user only), so tools
 * that pin it on first use keep seeing the same one. Remade only when missing, unreadable
 * or within a month of expiry.
 */
export async function loadOrCreateLocalCertificate(folder: string): Promise<LocalCertificate> {
  const existing = await readExisting(folder);
  if (existing) return existing;
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const { generate } = await import('selfsigned');
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 5 * 365 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'm365-connect bridge (127.0.0.1)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  await writeFileAtomic(join(folder, keyFile), pems.private);
  await writeFileAtomic(join(folder, certFile), pems.cert);
  return { key: pems.private, cert: pems.cert };
}

async function readExisting(folder: string): Promise<LocalCertificate | null> {
  try {
    const [key, cert] = await Promise.all([readFile(join(folder, keyFile), 'utf8'), readFile(join(folder, certFile), 'utf8')]);
    const validTo = new Date(new X509Certificate(cert).validTo).getTime();
    if (validTo - Date.now() < 30 * 24 * 3600_000) return null;
    return { key, cert };
  } catch {
    return null;
  }
}

export const localCertificatePath = (folder: string) => join(folder, certFile);
