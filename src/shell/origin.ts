/**
 * The origin the built renderer is served from inside the Chromium shell. `.test` is reserved
 * (RFC 2606), so it can never resolve to a real host: every request to it is answered by our
 * route handler, and anything else the page asks for is refused.
 */
export const shellOrigin = 'https://app.m365-connect.test';
