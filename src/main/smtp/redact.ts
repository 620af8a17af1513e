/**
 * Last line of defence for anything that leaves the SMTP client (transcript lines, the reply,
 * error text): removes the secret in plain form and in every base64 form it can take, alone or
 * inside a SASL blob (AUTH PLAIN, XOAUTH2), at any byte alignment.
 */
export const secretPlaceholder = '[secret hidden]';

const base64Run = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

function decodeBase64(run: string): string | null {
  try {
    return Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  } catch {
    return null;
  }
}

/** The part of base64(prefix + secret) that depends only on the secret, for each of the 3 alignments. */
function alignedBase64Cores(secret: string): string[] {
  const cores: string[] = [];
  for (const shift of [0, 1, 2]) {
    const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret, 'utf8')]);
    const encoded = bytes.toString('base64');
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor(bytes.length / 3) * 4;
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

export type Redactor = (text: string) => string;

export function createRedactor(secrets: string[]): Redactor {
  const live = secrets.filter((secret) => secret.length > 0);
  const cores = live.flatMap(alignedBase64Cores);
  const secretBytes = live.map((secret) => Buffer.from(secret, 'utf8').toString('latin1'));
  return (text) => {
    let out = text;
    for (const secret of live) out = out.split(secret).join(secretPlaceholder);
    // Whole base64 runs first, so a blob goes entirely rather than leaving its edges behind.
    out = out.replace(base64Run, (run) => {
      const decoded = decodeBase64(run);
      if (decoded === null) return run;
      // A bearer blob is hidden whole even if the token in it is not the one we were given.
      if (secretBytes.some((secret) => decoded.includes(secret)) || /auth=Bearer/i.test(decoded)) return secretPlaceholder;
      return run;
    });
    // Then base64 glued to other text, which the run decoding above may read misaligned.
    for (const core of cores) out = out.split(core).join(secretPlaceholder);
    return out;
  };
}
