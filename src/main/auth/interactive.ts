import { CryptoProvider, ServerError, type AuthenticationResult, type PublicClientApplication } from '@azure/msal-node';
import { abortReason, untilAborted } from './sign-in-abort';
import { listenForAuthResponse } from './loopback-listener';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px system-ui,sans-serif;margin:15vh auto;max-width:32rem;padding:0 1rem}</style></head>` +
  `<body><h1>${title}</h1><p>${text}</p></body></html>`;

export const successTemplate = page('You are signed in', 'You can close this tab and go back to M365 Connect.');
export const errorTemplate = page('Sign-in did not complete', 'Go back to M365 Connect: it explains what happened and what to do next.');

export type BrowserSignInRequest = { scopes: string[]; prompt?: string; loginHint?: string };

/**
 * Sign-in in the system browser: authorization code with PKCE, answered to our own loopback
 * listener by form_post, then exchanged by MSAL (getAuthCodeUrl + acquireTokenByCode, see
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow). The signal
 * ends it at any point: before the browser opens (it never opens), while the browser is open
 * (the listener closes at once), or during the exchange.
 */
export async function signInWithBrowser(
  app: PublicClientApplication,
  request: BrowserSignInRequest,
  openBrowser: (url: string) => Promise<void>,
  signal: AbortSignal,
): Promise<AuthenticationResult> {
  const crypto = new CryptoProvider();
  const { verifier, challenge } = await crypto.generatePkceCodes();
  const state = crypto.createNewGuid();
  if (signal.aborted) throw abortReason(signal);
  const listener = await listenForAuthResponse({ state, successTemplate, errorTemplate, signal });
  try {
    const redirectUri = listener.redirectUri;
    const url = await untilAborted(
      app.getAuthCodeUrl({ ...request, redirectUri, responseMode: 'form_post', codeChallenge: challenge, codeChallengeMethod: 'S256', state }),
      signal,
    );
    if (signal.aborted) throw abortReason(signal);
    await openBrowser(url);
    const response = await listener.response;
    // As MSAL reports it: the error, then (no correlation id of ours) Entra's description with its AADSTS code.
    if (response.error) throw new ServerError(response.error, '', response.errorDescription ?? '', response.subError ?? '');
    if (!response.code) throw new ServerError('no_auth_code', '', 'The authorization response had no code.');
    return await untilAborted(
      app.acquireTokenByCode({ code: response.code, codeVerifier: verifier, redirectUri, scopes: request.scopes }),
      signal,
    );
  } finally {
    listener.close();
  }
}
