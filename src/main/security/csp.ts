/**
 * The renderer's Content-Security-Policy, sent as a response header by both hosts and
 * repeated in index.html. No remote anything, no eval, no inline script. Inline styles are
 * allowed because Fluent UI's Griffel inserts its atomic CSS at runtime.
 */
export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');
