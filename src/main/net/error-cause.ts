/** System error codes that mean "the server could not be reached or the connection broke". */
const networkCodes = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

/**
 * The one "cause of a failed request" helper: walks the `cause` chain (undici, MSAL and the
 * Graph client wrap the real error) and returns the innermost system error code, "timeout"
 * for a timed-out request, or an already named cause (`causeCode`). With `onlyNetwork`, only
 * codes that mean the server could not be reached count. Null when nothing in the chain says.
 */
export function causeCodeOf(error: unknown, options: { onlyNetwork?: boolean } = {}): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, causeCode, name } = current as { code?: unknown; causeCode?: unknown; name?: unknown };
    if (typeof causeCode === 'string') return causeCode;
    if (typeof code === 'string' && (!options.onlyNetwork || networkCodes.test(code))) return code;
    if (!options.onlyNetwork && (name === 'TimeoutError' || name === 'AbortError')) return 'timeout';
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
