import { PublicClientApplication } from '@azure/msal-node';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SignInCancelledError } from '../../src/main/auth/errors';
import { startInteractiveSignIn } from '../../src/main/auth/interactive';
import { openTokenCache } from '../../src/main/auth/token-cache';

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

describe('interactive sign-in can really be cancelled', () => {
  it('cancel while the browser is open: rejects at once and MSAL closes its loopback server', async () => {
    let opened: URL | null = null;
    let browserOpened: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (browserOpened = resolve));
    const { result, pending } = startInteractiveSignIn(app(), { scopes: ['User.Read'] }, async (url) => {
      opened = new URL(url);
      browserOpened();
    });
    await waiting;
    const redirect = new URL(opened!.searchParams.get('redirect_uri')!);
    const port = Number(redirect.port);
    expect(opened!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(await portIsOpen(port)).toBe(true);

    pending.cancel();
    await expect(result).rejects.toBeInstanceOf(SignInCancelledError);
    // The loopback server stops listening: a late browser redirect cannot complete it.
    await expect.poll(() => portIsOpen(port), { timeout: 5_000 }).toBe(false);
  });

  it('cancel before the browser opens: the browser never opens', async () => {
    const opened: string[] = [];
    const { result, pending } = startInteractiveSignIn(app(), { scopes: ['User.Read'] }, async (url) => {
      opened.push(url);
    });
    pending.cancel();
    await expect(result).rejects.toBeInstanceOf(SignInCancelledError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened).toEqual([]);
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
});
