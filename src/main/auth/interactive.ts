import type { AuthenticationResult, InteractiveRequest, PublicClientApplication } from '@azure/msal-node';
import { fetch as undiciFetch } from 'undici';
import { SignInCancelledError } from './errors';

export type PendingSignIn = { cancel(): void };

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px system-ui,sans-serif;margin:15vh auto;max-width:32rem;padding:0 1rem}</style></head>` +
  `<body><h1>${title}</h1><p>${text}</p></body></html>`;

export const successTemplate = page('You are signed in', 'You can close this tab and go back to M365 Connect.');
export const errorTemplate = page('Sign-in did not complete', 'Go back to M365 Connect: it explains what happened and what to do next.');

/**
 * Interactive sign-in (system browser + MSAL's loopback server with PKCE) that can really be
 * cancelled. MSAL has no cancel for it, so cancel answers MSAL's own loopback server the way
 * Entra does when a user backs out (`error=access_denied` with the pending `state`): MSAL
 * then stops waiting and closes its server. Before the browser opens, cancel simply
 * prevents it from opening.
 */
export function startInteractiveSignIn(
  app: PublicClientApplication,
  request: Omit<InteractiveRequest, 'openBrowser' | 'successTemplate' | 'errorTemplate'>,
  openBrowser: (url: string) => Promise<void>,
): { result: Promise<AuthenticationResult>; pending: PendingSignIn } {
  let cancelled = false;
  let authorizeUrl: URL | null = null;
  let rejectCancelled: (error: Error) => void = () => undefined;
  const cancelledPromise = new Promise<never>((_, reject) => {
    rejectCancelled = reject;
  });

  const msalResult = app.acquireTokenInteractive({
    ...request,
    successTemplate,
    errorTemplate,
    openBrowser: async (url) => {
      if (cancelled) throw new SignInCancelledError();
      authorizeUrl = new URL(url);
      await openBrowser(url);
    },
  });
  // After a cancel MSAL still settles (with access_denied); that outcome is already decided.
  msalResult.catch(() => undefined);

  const pending: PendingSignIn = {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      rejectCancelled(new SignInCancelledError());
      if (authorizeUrl) void answerLoopbackWithCancel(authorizeUrl);
    },
  };
  return { result: Promise.race([msalResult, cancelledPromise]), pending };
}

async function answerLoopbackWithCancel(authorizeUrl: URL): Promise<void> {
  const redirect = authorizeUrl.searchParams.get('redirect_uri');
  const state = authorizeUrl.searchParams.get('state');
  if (!redirect || !state) return;
  const target = new URL(redirect);
  // MSAL listens on 127.0.0.1 while naming it "localhost"; go straight to the address.
  if (target.hostname !== 'localhost' && target.hostname !== '127.0.0.1') return;
  target.hostname = '127.0.0.1';
  const body = new URLSearchParams({ error: 'access_denied', error_description: 'Cancelled in the app', state });
  await undiciFetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    signal: AbortSignal.timeout(5_000),
  })
    .then((response) => response.body?.cancel())
    .catch(() => undefined);
}
