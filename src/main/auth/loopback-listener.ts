import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortReason } from './sign-in-abort';

/** What Entra posts back to the redirect URI (response_mode=form_post). */
export type AuthorizeResponse = { code?: string; error?: string; errorDescription?: string; subError?: string };

export type LoopbackListener = {
  /** `http://localhost:<port>`: the redirect URI to register the request with. */
  readonly redirectUri: string;
  /** The first authorization response that carries the expected state; rejects when aborted. */
  readonly response: Promise<AuthorizeResponse>;
  /** Stops listening and drops open connections; safe to call more than once. */
  close(): void;
};

/** An authorization response is a few kilobytes; anything larger is not one. */
const maxBodyBytes = 64 * 1024;

/**
 * Our own loopback redirect listener for the system-browser sign-in (authorization code + PKCE,
 * https://learn.microsoft.com/entra/identity-platform/msal-authentication-flows#authorization-code).
 * msal-node 6+ no longer accepts a custom loopback client, and its built-in one cannot be
 * stopped from outside; owning the listener is what lets an AbortSignal end a sign-in at once.
 * Listens on 127.0.0.1 only; accepts only a form_post to `/` whose single `state` matches.
 */
export async function listenForAuthResponse(options: {
  state: string;
  successTemplate: string;
  errorTemplate: string;
  signal: AbortSignal;
}): Promise<LoopbackListener> {
  const { state, successTemplate, errorTemplate, signal } = options;
  let settle: { resolve: (value: AuthorizeResponse) => void; reject: (error: Error) => void } | null = null;
  const response = new Promise<AuthorizeResponse>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may stop before awaiting the response; its rejection is theirs to read or not.
  response.catch(() => undefined);

  const server: Server = createServer((req, res) => {
    handle(req, res, state, { successTemplate, errorTemplate }, (answer) => settle?.resolve(answer));
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  const onAbort = () => {
    close();
    settle?.reject(abortReason(signal));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  void response.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  if (signal.aborted) onAbort();
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://localhost:${port}`, response, close };
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: string,
  templates: { successTemplate: string; errorTemplate: string },
  answer: (response: AuthorizeResponse) => void,
): void {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim();
  if (req.method !== 'POST' || req.url !== '/' || contentType !== 'application/x-www-form-urlencoded') {
    res.writeHead(404).end();
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) {
      res.writeHead(413).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > maxBodyBytes) return;
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const states = form.getAll('state');
    // Another page's callback must neither complete nor cancel this sign-in.
    if (states.length !== 1 || states[0] !== state) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Invalid authorization response state.');
      return;
    }
    const code = form.get('code') ?? undefined;
    const error = form.get('error') ?? undefined;
    if (!code && !error) {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(error ? templates.errorTemplate : templates.successTemplate);
    answer({
      ...(code ? { code } : {}),
      ...(error ? { error } : {}),
      ...(form.get('error_description') ? { errorDescription: form.get('error_description') ?? '' } : {}),
      ...(form.get('suberror') ? { subError: form.get('suberror') ?? '' } : {}),
    });
  });
}
