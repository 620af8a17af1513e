import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../src/shared/ipc/channels';
import { rendererCsp } from '../../src/main/security/csp';
import { appOrigin, secureWindowOptions } from '../../src/main/security/window-options';
import { fakeServices } from '../support/fake-services';
import { securityLog } from './support/security-log';

/**
 * Runs the real Electron glue (src/main/index.ts, window.ts, electron/*) under a recording
 * stand-in for the 'electron' module: the Electron runtime cannot be downloaded here, so this
 * is the closest honest check. Everything asserted is what the code did, not what it says.
 */
type Listener = (...args: unknown[]) => unknown;

const recorder = vi.hoisted(() => {
  const state = {
    lock: true,
    quits: 0,
    exits: [] as number[],
    appListeners: new Map<string, ((...args: unknown[]) => unknown)[]>(),
    handled: new Map<string, (...args: unknown[]) => unknown>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as { options: unknown; listeners: Map<string, ((...args: unknown[]) => unknown)[]>; openHandler: (() => unknown) | null; loaded: string[] }[],
    permissions: { request: null as null | ((...args: unknown[]) => unknown), check: null as null | ((...args: unknown[]) => unknown), device: null as null | ((...args: unknown[]) => unknown) },
    errorBoxes: [] as string[],
    ready: null as null | (() => void),
  };
  return state;
});

const services = vi.hoisted(() => ({ current: null as null | { closed: number } }));

vi.mock('electron', () => {
  const on = (map: Map<string, ((...args: unknown[]) => unknown)[]>) => (event: string, listener: (...args: unknown[]) => unknown) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const app = {
    requestSingleInstanceLock: () => recorder.lock,
    quit: () => {
      recorder.quits += 1;
    },
    exit: (code: number) => recorder.exits.push(code),
    on: on(recorder.appListeners),
    once: on(recorder.appListeners),
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.0.0-test',
    getPath: () => '/tmp/m365-connect-electron-test',
  };
  class BrowserWindow {
    readonly listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
    readonly record: (typeof recorder.windows)[number];
    readonly webContents: unknown;
    constructor(options: unknown) {
      this.record = { options, listeners: this.listeners, openHandler: null, loaded: [] };
      recorder.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: on(this.listeners),
        setWindowOpenHandler: (handler: () => unknown) => {
          record.openHandler = handler;
        },
      };
    }
    once() {}
    show() {}
    isMinimized() {
      return false;
    }
    focus() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  const fileFetch = async (url: string) => {
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } });
    } catch {
      return new Response('missing', { status: 404 });
    }
  };
  return {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => recorder.handled.set(channel, handler),
      on: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorder.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorder.protocolHandlers.set(scheme, handler),
    },
    net: { fetch: fileFetch },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (recorder.permissions.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (recorder.permissions.check = handler),
        setDevicePermissionHandler: (handler: Listener) => (recorder.permissions.device = handler),
      },
    },
    dialog: { showErrorBox: (_title: string, message: string) => recorder.errorBoxes.push(message), showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async () => undefined },
    clipboard: { writeText: () => undefined, readText: () => '' },
  };
});

vi.mock('../../src/main/compose', () => ({
  composeServices: async () => {
    const closed = { closed: 0 };
    services.current = closed;
    return fakeServices({
      close: async () => {
        closed.closed += 1;
      },
    });
  },
}));

function reset() {
  recorder.lock = true;
  recorder.quits = 0;
  recorder.exits = [];
  recorder.appListeners.clear();
  recorder.handled.clear();
  recorder.privileged = [];
  recorder.protocolHandlers.clear();
  recorder.windows = [];
  recorder.permissions = { request: null, check: null, device: null };
  recorder.errorBoxes = [];
  services.current = null;
}

async function startMain() {
  vi.resetModules();
  await import('../../src/main/index');
  await vi.waitFor(() => expect(recorder.windows).toHaveLength(1));
  return recorder.windows[0]!;
}

const preventable = () => {
  const event = { prevented: false, preventDefault() {
    event.prevented = true;
  } };
  return event;
};

const log = securityLog('electron-main', 1.5);
beforeEach(reset);
afterEach(() => vi.resetModules());
afterAll(() => log.flush());

describe('the real Electron main process, under a recording electron module', () => {
  it('takes the single-instance lock; a second instance quits and sets up nothing', async () => {
    recorder.lock = false;
    vi.resetModules();
    await import('../../src/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorder.quits).toBe(1);
    expect(recorder.windows).toEqual([]);
    expect(recorder.handled.size).toBe(0);
    expect(recorder.protocolHandlers.size).toBe(0);
  });

  it('registers every contract channel with ipcMain.handle, and each goes through the sender check', async () => {
    await startMain();
    expect([...recorder.handled.keys()].sort()).toEqual([...invokeChannels].sort());
    const mainFrame = { url: `${appOrigin}/index.html` };
    const sender = { mainFrame, isDestroyed: () => false, send: () => undefined };
    const fromApp = await recorder.handled.get('app:info')!({ senderFrame: mainFrame, sender }, {});
    expect(fromApp).toMatchObject({ ok: true });
    const elsewhere = { url: 'https://evil.example/' };
    const fromElsewhere = await recorder.handled.get('app:info')!({ senderFrame: elsewhere, sender: { ...sender, mainFrame: elsewhere } }, {});
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('creates the one window with the secure options and loads the app:// origin', async () => {
    const window = await startMain();
    const options = window.options as ReturnType<typeof secureWindowOptions>;
    expect(options).toEqual(secureWindowOptions(options.webPreferences.preload));
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/);
    expect(window.loaded).toEqual([`${appOrigin}/index.html`]);
  });

  it('installs navigation, window-open and permission handlers, and each refuses', async () => {
    const window = await startMain();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const listeners = window.listeners.get(name) ?? [];
      expect(listeners, name).toHaveLength(1);
      const event = preventable();
      listeners[0]!(event, 'https://evil.example/');
      expect(event.prevented, name).toBe(true);
    }
    expect(window.openHandler?.()).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    recorder.permissions.request?.({}, 'media', (allowed: boolean) => answers.push(allowed));
    expect(answers).toEqual([false]);
    expect(recorder.permissions.check?.({}, 'clipboard-read')).toBe(false);
    expect(recorder.permissions.device?.({})).toBe(false);

    // Every web contents the app ever creates gets the same refusals.
    const created = recorder.appListeners.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    const listeners = new Map<string, Listener>();
    let openHandler: (() => unknown) | null = null;
    created[0]!({}, { on: (name: string, listener: Listener) => listeners.set(name, listener), setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler) });
    const event = preventable();
    listeners.get('will-navigate')?.(event);
    expect(event.prevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('serves the renderer over app:// with the CSP header, and refuses other hosts and paths outside it', async () => {
    await startMain();
    expect(recorder.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
    const serve = recorder.protocolHandlers.get('app')!;
    const page = await serve(new Request(`${appOrigin}/index.html`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(rendererCsp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    for (const outside of [`${appOrigin}/%2e%2e/main/index.ts`, `${appOrigin}/..%2fmain%2findex.ts`, 'app://elsewhere/index.html']) {
      const refused = await serve(new Request(outside));
      expect(refused.status, outside).toBe(404);
    }
  });

  it('closes the services when the app quits, and quits when the last window closes', async () => {
    await startMain();
    await vi.waitFor(() => expect(services.current).not.toBeNull());
    const willQuit = recorder.appListeners.get('will-quit') ?? [];
    expect(willQuit).toHaveLength(1);
    willQuit[0]!();
    await vi.waitFor(() => expect(services.current?.closed).toBe(1));
    recorder.appListeners.get('window-all-closed')?.[0]?.();
    expect(recorder.quits).toBe(1);
    log.passed({
      area: 'Window',
      tried: "the real main process (index.ts, window.ts, electron/*) run under a recording 'electron' module (the Electron binary cannot be installed here)",
      cases: 6,
      held: 'single-instance lock; every contract channel behind the sender check; secure window options; navigation, redirects, webviews, window.open and permissions refused; app:// with CSP and nosniff, nothing outside the renderer; services closed at quit',
    });
  });
});
