/** Why the upstream (Exchange Online) side of a bridged login failed; never carries a secret. */
export type UpstreamFailureKind = 'unreachable' | 'tls-untrusted' | 'auth-rejected' | 'smtp-auth-disabled';

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    /** Safe detail for the log and status: an error code or the server's reply code. */
    readonly detail: string,
  ) {
    super(`upstream ${kind}: ${detail}`);
    this.name = 'UpstreamError';
  }
}

/** OpenSSL's certificate verification codes, as Node reports them on the socket error. */
const certificateCodes = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|DEPTH_ZERO/;

export function upstreamErrorFrom(error: unknown, stage: 'connect' | 'tls'): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.name : 'error'));
  if (certificateCodes.test(code)) return new UpstreamError('tls-untrusted', code);
  if (stage === 'tls' && /^ERR_SSL|EPROTO/.test(code)) return new UpstreamError('tls-untrusted', code);
  return new UpstreamError('unreachable', code);
}
