import { PublicClientApplication } from '@azure/msal-node';
import { LibSecretPersistence, PersistenceCreator } from '@azure/msal-node-extensions';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { signInSignal } from '../../src/main/auth/sign-in-abort';
import { noteEntraError, withEntraErrors } from '../../src/main/auth/entra-error-hint';
import { mapAuthError, SignInCancelledError, SignInTimedOutError } from '../../src/main/auth/map-auth-error';
import { signInWithBrowser } from '../../src/main/auth/interactive';
import { openTokenCache } from '../../src/main/auth/token-cache';
import type { KeyringState } from '../../src/main/vault/keyring-lock';

// A real MSAL client whose authority metadata is given inline, so no network is needed
// to reach the point where MSAL's loopback server waits for the browser.
const authority = 'https://login.example.test/tenant-1';
const app = () =>
  new PublicClientApplication({
    auth: {
      clientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      authority,
      knownAuthorities: ['login.example.test'],
      authorityMetadata: JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        issuer: `${authority}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      }),
    },
  });

const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Starts a browser sign-in whose "browser" only records the authorize URL. */
function startSignIn(signal: AbortSignal) {
  let browserOpened: (url: URL) => void = () => undefined;
  const opened = new Promise<URL>((resolve) => (browserOpened = resolve));
  const result = signInWithBrowser(app(), { scopes: ['User.Read'] }, async (url) => browserOpened(new URL(url)), signal);
  result.catch(() => undefined);
  return { result, opened };
}

const postToLoopback = (redirect: string, form: Record<string, string>) =>
  fetch(redirect.replace('localhost', '127.0.0.1') + '/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('interactive sign-in can really be cancelled', () => {
  it('cancel while the browser is open: rejects at once and the loopback listener closes', async () => {
    const controller = new AbortController();
    const { result, opened } = startSignIn(controller.signal);
    const url = await opened;
    const redirect = new URL(url.searchParams.get('redirect_uri')!);
    const port = Number(redirect.port);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(await portIsOpen(port)).toBe(true);

    controller.abort(new SignInCancelledError());
    await expect(result).rejects.toBeInstanceOf(SignInCancelledError);
    // The listener stops at once: a late browser redirect cannot complete the sign-in.
    expect(await portIsOpen(port)).toBe(false);
  });

  it('cancel before the browser opens: the browser never opens', async () => {
    const opened: string[] = [];
    const controller = new AbortController();
    const result = signInWithBrowser(app(), { scopes: ['User.Read'] }, async (url) => {
      opened.push(url);
    }, controller.signal);
    controller.abort(new SignInCancelledError());
    await expect(result).rejects.toBeInstanceOf(SignInCancelledError);
    expect(opened).toEqual([]);
  });

  it('a stale sign-in ends with a timeout error, not a wait forever', async () => {
    const controller = new AbortController();
    const { signal, dispose } = signInSignal(controller, 50);
    const { result, opened } = startSignIn(signal);
    await opened;
    await expect(result).rejects.toBeInstanceOf(SignInTimedOutError);
    dispose();
    const shown = await result.catch((error: unknown) => mapAuthError(error));
    expect(shown).toMatchObject({ code: 'sign-in-timed-out' });
  });

  it('a callback with another state neither completes nor cancels the sign-in; the real refusal does', async () => {
    const controller = new AbortController();
    const { result, opened } = startSignIn(controller.signal);
    const url = await opened;
    const redirect = url.searchParams.get('redirect_uri')!;
    const forged = await postToLoopback(redirect, { error: 'access_denied', state: 'someone-else' });
    expect(forged.status).toBe(400);
    const refused = await postToLoopback(redirect, { error: 'access_denied', error_description: 'The user cancelled', state: url.searchParams.get('state')! });
    expect(refused.status).toBe(200);
    const error = await result.catch((caught: unknown) => caught);
    expect(mapAuthError(error)).toMatchObject({ code: 'sign-in-cancelled' });
    controller.abort();
  });

  it("Entra's refusal keeps its AADSTS code (a Conditional Access block is not a cancel)", async () => {
    const controller = new AbortController();
    const { result, opened } = startSignIn(controller.signal);
    const url = await opened;
    const description = 'AADSTS53003: Access has been blocked by Conditional Access policies.';
    await postToLoopback(url.searchParams.get('redirect_uri')!, { error: 'access_denied', error_description: description, state: url.searchParams.get('state')! });
    const error = await result.catch((caught: unknown) => caught);
    expect(mapAuthError(error)).toMatchObject({ code: 'blocked-by-conditional-access' });
    controller.abort();
  });
});

describe('what Entra answered is seen by its own call only', () => {
  it('two concurrent calls each map their own AADSTS code', async () => {
    const failWith = (code: number, delayMs: number) =>
      withEntraErrors(async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        noteEntraError({ error: 'invalid_grant', errorCodes: [code] });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        throw Object.assign(new Error('invalid_grant'), { errorCode: 'invalid_grant' });
      });
    const [first, second] = await Promise.allSettled([failWith(50126, 20), failWith(53003, 5)]);
    expect(first.status === 'rejected' && first.reason).toMatchObject({ code: 'bad-credentials' });
    expect(second.status === 'rejected' && second.reason).toMatchObject({ code: 'blocked-by-conditional-access' });
  });
});

describe('token cache', () => {
  it('without an OS secret store, tokens stay in memory and the reason is given', async () => {
    const cache = await openTokenCache({
      cacheDir: '/tmp/m365-cache-test',
      serviceName: 'm365-connect-test.token-cache',
      createPersistence: async () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY\nmore detail');
      },
    });
    expect(cache.persisted).toBe(false);
    expect(cache.plugin).toBeNull();
    expect(cache.reason).toMatch(/secret store is not available \(Cannot autolaunch D-Bus without X11 \$DISPLAY\)/);
  });

  it('opens the Secret Service without a dummy-secret round trip once the probe saw it unlocked, and checks it otherwise', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'm365-cache-open-'));
    const checked = vi.spyOn(PersistenceCreator, 'createPersistence');
    const direct = vi.spyOn(LibSecretPersistence, 'create');
    try {
      const open = (state: KeyringState) => openTokenCache({ cacheDir, serviceName: 'm365-connect-test.token-cache-open', lockProbe: async () => state });
      expect((await open('unlocked')).persisted).toBe(true);
      expect(direct).toHaveBeenCalledTimes(1);
      expect(checked).not.toHaveBeenCalled();
      await open('unknown');
      expect(checked).toHaveBeenCalledTimes(1);
    } finally {
      checked.mockRestore();
      direct.mockRestore();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
