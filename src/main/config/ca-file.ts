import { resolve } from 'node:path';
import { describeBytes, fileReadLimit, isInputTooLarge, readFileBounded, silentPipeProblem } from '../files/bounded-read';

export type CaFileCheck = { ok: true; absolute: string } | { ok: false; absolute: string; problem: string };

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * The one check of an extra CA file, for the extraCaFile setting (any source) and for
 * `smtp-test --ca`: a readable file of at most 1 MiB holding PEM certificates and nothing
 * else. A private key is refused (it has no business in a trust file), as is any other PEM.
 * Problems are described without quoting the file.
 */
export async function validateCaFile(path: string): Promise<CaFileCheck> {
  const absolute = resolve(path);
  const refuse = (problem: string): CaFileCheck => ({ ok: false, absolute, problem });
  let text: string;
  try {
    text = (await readFileBounded(absolute, fileReadLimit)).toString('latin1');
  } catch (error) {
    if (isInputTooLarge(error)) return refuse(`${absolute} is larger than ${describeBytes(error.limit)}, too large for a CA certificate file`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse(`${absolute} does not exist`);
    if (code === 'EISDIR') return refuse(`${absolute} is a folder, not a file`);
    if (code === 'EAGAIN') return refuse(`${absolute} is ${silentPipeProblem}`);
    return refuse(`${absolute} cannot be read${code ? ` (${code})` : ''}`);
  }
  const blocks = [...text.matchAll(pemBlock)].map((match) => ({ label: match[1] ?? '', body: match[0] }));
  if (blocks.some((block) => /PRIVATE KEY/.test(block.label)) || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return refuse(`${absolute} holds a private key; give only the CA certificate (and keep the key secret)`);
  }
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length === 0) return refuse(`${absolute} holds no PEM certificate`);
  if (certificates.length !== blocks.length) return refuse(`${absolute} holds PEM data other than certificates`);
  // Loaded here, not imported: node:crypto costs milliseconds at start-up, and most
  // configurations have no extra CA file.
  const { X509Certificate } = process.getBuiltinModule('node:crypto');
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate.body);
    } catch {
      return refuse(`${absolute} holds a certificate that cannot be parsed`);
    }
  }
  return { ok: true, absolute };
}
