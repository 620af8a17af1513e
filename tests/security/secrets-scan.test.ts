import keytar from 'keytar';
import { signInInBrowser } from '../support/browser-sign-in';
import { backgroundRecorder } from '../support/fake-platform';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { tokenCacheServiceName } from '../../src/main/auth';
import type { Platform } from '../../src/main/platform-port';
import { launchTestBrowser } from '../support/chromium';
import { realServices } from '../support/real-services';
import { openTestShell } from '../support/shell';
import { ensureBuiltCli, keyringAvailable, runCli, type CliRun } from '../cli/support/cli-process';
import { closeBrowser, sandboxEnv, signInWithDeviceCode } from '../cli/support/sandbox-cli';
import { needleFor, scanBytes, scanTree, tokensInMsalCache, type Finding, type Needle } from './support/secret-scan';
import { filesUnder } from '../support/files-under';
import { securityLog } from './support/security-log';

/**
 * After the app (real services in the Chromium shell) and the CLI (the built binary, as a child
 * process) have each signed in, stored an app password, tested it and the OAuth route against
 * the sandbox with the real gnome-keyring, nothing they wrote or printed holds the password or
 * any token, in any common encoding.
 */
const log = securityLog('secrets-scan', 7);
afterAll(() => log.flush());
const reason = 'needs a Secret Service (gnome-keyring): run under scripts/with-keyring.sh (npm run test:security does)';

type User = { upn: string; password: string; mfaCode?: string };

function appPlatform(dataDir: string, browser: Browser, sb: Sandbox, user: User): Platform & { signIns: Promise<void>[] } {
  const signIns: Promise<void>[] = [];
  let clipboard = '';
  return {
    host: 'chromium-shell',
    signIns,
    // The "system browser": a separate Chromium context where the person completes the sign-in.
    async openExternal(url) {
      signIns.push(signInInBrowser(browser, sb, user, url));
    },
    writeClipboard: async (text) => void (clipboard = text),
    readClipboard: async () => clipboard,
    appDataDir: () => dataDir,
    async saveFile({ suggestedName, data }) {
      const path = join(dataDir, suggestedName);
      await writeFile(path, data);
      return path;
    },
    renderPdf: async (html) => new TextEncoder().encode(html),
    ...backgroundRecorder(),
  };
}

/** Tees everything this process prints (stdout, stderr, console) while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const { stdout, stderr } = process;
  const originalOut = stdout.write.bind(stdout);
  const originalErr = stderr.write.bind(stderr);
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originalConsole = methods.map((name) => console[name]);
  stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (chunks.push(String(chunk)), originalOut(chunk, ...rest))) as typeof stdout.write;
  stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (chunks.push(String(chunk)), originalErr(chunk, ...rest))) as typeof stderr.write;
  methods.forEach((name, index) => {
    console[name] = (...args: unknown[]) => {
      chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
      originalConsole[index]?.(...args);
    };
  });
  try {
    return { value: await run(), output: chunks.join('\n') };
  } finally {
    stdout.write = originalOut;
    stderr.write = originalErr;
    methods.forEach((name, index) => {
      const original = originalConsole[index];
      if (original) console[name] = original;
    });
  }
}

async function tokensFor(keychainService: string): Promise<string[]> {
  const entries = await keytar.findCredentials(tokenCacheServiceName(keychainService));
  return entries.flatMap((entry) => tokensInMsalCache(entry.password));
}

/** The on-disk MSAL cache file must hold no tokens: absent, or not a JSON token cache. */
async function expectNoPlainMsalCache(root: string) {
  const caches = (await filesUnder(root)).filter((path) => path.includes('msal'));
  for (const path of caches) {
    const text = await readFile(path, 'utf8');
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue; // not JSON: encrypted or a change marker
    }
    expect({ path, parsed }).not.toMatchObject({ parsed: expect.objectContaining({ RefreshToken: expect.anything() }) });
    expect(typeof parsed === 'object' && parsed !== null && ('AccessToken' in parsed || 'RefreshToken' in parsed)).toBe(false);
  }
  return caches.length;
}

describe.skipIf(!keyringAvailable())(`secrets scan after real runs of the app and the CLI (skipped unless: ${reason})`, () => {
  it('finds neither the app password nor any token in files, output, or the renderer storage', { timeout: 240_000 }, async () => {
    ensureBuiltCli();
    const sb = await startSandbox({ scenario: 'ready-user' });
    const browser = await launchTestBrowser();
    const user = sb.scenario.users[0] as User;
    const appPassword = sb.createAppPassword(user.upn, 'secrets-scan');
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      // --- The app: real services behind the real renderer in the Chromium shell.
      let platform: ReturnType<typeof appPlatform> | null = null;
      const composed = await realServices(sb, (dataDir) => (platform = appPlatform(dataDir, browser, sb, user)));
      cleanups.push(async () => {
        await composed.services.vault.forget(user.upn).catch(() => false);
        for (const { account } of await keytar.findCredentials(tokenCacheServiceName(composed.keychainService))) {
          await keytar.deletePassword(tokenCacheServiceName(composed.keychainService), account);
        }
      });
      const shell = await openTestShell(browser, composed.services, platform as unknown as Platform);
      const consoleLines: string[] = [];
      shell.page.on('console', (message) => consoleLines.push(message.text()));
      const { value: appResults, output: appOutput } = await captureOutput(async () => {
        const call = (channel: string, request: unknown) =>
          shell.page.evaluate(([c, r]) => (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c as string]!(r), [channel, request] as const);
        const signIn = call('auth:sign-in', { method: 'browser' });
        const signedIn = await signIn;
        await Promise.all((platform as ReturnType<typeof appPlatform> | null)?.signIns ?? []);
        return {
          signedIn,
          stored: await call('vault:store', { password: appPassword, replace: false }),
          basic: await call('smtp:test', { method: 'app-password' }),
          oauth: await call('smtp:test', { method: 'oauth' }),
          readiness: await call('readiness:check', {}),
          report: await call('report:export', { format: 'html' }),
        };
      });
      expect(appResults.signedIn).toMatchObject({ ok: true });
      expect(appResults.stored).toMatchObject({ ok: true });
      expect(appResults.basic).toMatchObject({ ok: true, value: { ok: true, cause: 'ok' } });
      expect(appResults.oauth).toMatchObject({ ok: true, value: { ok: true, cause: 'ok' } });
      expect(appResults.report).toMatchObject({ ok: true });

      // Everything the renderer could keep: storage state (cookies, localStorage, IndexedDB),
      // sessionStorage and Cache Storage, read from inside the page.
      const storageState = JSON.stringify(await shell.context.storageState({ indexedDB: true }));
      const pageStorage = await shell.page.evaluate(async () => {
        const session = JSON.stringify(Object.entries(sessionStorage));
        const local = JSON.stringify(Object.entries(localStorage));
        const cacheNames = 'caches' in globalThis ? await caches.keys() : [];
        return { session, local, cookie: document.cookie, cacheNames, dom: document.documentElement.outerHTML };
      });
      await shell.close();

      // --- The CLI: the built binary with its own home folder and keychain service.
      const env = await sandboxEnv(sb);
      const cliService = env.M365_CONNECT_KEYCHAIN_SERVICE as string;
      cleanups.push(async () => {
        await runCli(['forget', '--user', user.upn], { env }).catch(() => undefined);
        for (const { account } of await keytar.findCredentials(tokenCacheServiceName(cliService))) {
          await keytar.deletePassword(tokenCacheServiceName(cliService), account);
        }
      });
      const runs: [string, CliRun][] = [];
      runs.push(['sign-in', await signInWithDeviceCode(sb, env, user, ['--json'])]);
      runs.push(['store', await runCli(['store', '--user', user.upn, '--password-stdin'], { env, stdin: appPassword })]);
      runs.push(['smtp-test', await runCli(['smtp-test', '--user', user.upn, '--json'], { env })]);
      runs.push(['smtp-test --oauth', await runCli(['smtp-test', '--user', user.upn, '--oauth'], { env })]);
      runs.push(['smtp-test --password-stdin', await runCli(['smtp-test', '--user', user.upn, '--password-stdin'], { env, stdin: appPassword })]);
      runs.push(['check', await runCli(['check'], { env })]);
      runs.push(['status', await runCli(['status', '--json'], { env })]);
      for (const [name, run] of runs) expect({ name, code: run.code, stderr: run.stderr }).toMatchObject({ name, code: 0 });

      // --- The needles: the password, and every token both caches hold (read from the keychain).
      const tokens = [...(await tokensFor(composed.keychainService)), ...(await tokensFor(cliService))];
      expect(tokens.length).toBeGreaterThanOrEqual(4); // access + refresh + ID token, for each run
      expect(await keytar.getPassword(composed.services.vault.service, composed.services.vault.accountFor(user.upn))).toBe(appPassword);
      const needles: Needle[] = [needleFor('app password', appPassword), ...tokens.map((token, index) => needleFor(`token #${index + 1}`, token))];
      // The scanner itself finds a planted secret in each encoding (a scan that cannot fail proves nothing).
      for (const form of needles[0]?.forms ?? []) expect(scanBytes('control', Buffer.concat([Buffer.from('x'), form.bytes]), needles).length).toBeGreaterThan(0);

      // --- The haystacks.
      const findings: Finding[] = [];
      const appFiles = await scanTree(composed.dataDir, needles);
      const cliHome = env.HOME as string;
      const cliFiles = await scanTree(cliHome, needles);
      const keyringDir = process.env.XDG_DATA_HOME ? join(process.env.XDG_DATA_HOME, 'keyrings') : null;
      const keyringFiles = keyringDir ? await scanTree(keyringDir, needles) : { files: 0, bytes: 0, findings: [] };
      findings.push(...appFiles.findings, ...cliFiles.findings, ...keyringFiles.findings);
      const texts: [string, string][] = [
        ['app stdout/stderr/console', appOutput],
        ['renderer console', consoleLines.join('\n')],
        ['renderer storage state', storageState],
        ['renderer sessionStorage', pageStorage.session],
        ['renderer localStorage', pageStorage.local],
        ['renderer cookies', pageStorage.cookie],
        ['renderer cache storage', pageStorage.cacheNames.join('\n')],
        ['renderer DOM', pageStorage.dom],
        ['IPC results to the renderer', JSON.stringify(appResults)],
        ...runs.flatMap(([name, run]): [string, string][] => [
          [`cli ${name} stdout`, run.stdout],
          [`cli ${name} stderr`, run.stderr],
        ]),
      ];
      for (const [where, text] of texts) findings.push(...scanBytes(where, Buffer.from(text, 'utf8'), needles));
      expect(findings).toEqual([]);

      const msalFiles = (await expectNoPlainMsalCache(composed.dataDir)) + (await expectNoPlainMsalCache(cliHome));
      expect(appFiles.files).toBeGreaterThan(0);
      expect(cliFiles.files).toBeGreaterThan(0);
      const scannedFiles = appFiles.files + cliFiles.files + keyringFiles.files;
      log.passed({
        area: 'Secrets',
        tried: `app (shell + real services) and CLI (${runs.length} runs) signed in, stored and tested an app password (basic and OAuth) against the sandbox; scanned ${scannedFiles} files they and the keyring wrote, ${texts.length} output/renderer-storage captures, for the password and ${tokens.length} tokens in ${needles[0]?.forms.length ?? 0} encodings each`,
        cases: needles.length * (scannedFiles + texts.length),
        held: `no secret found anywhere; MSAL cache in the keychain, ${msalFiles} on-disk cache file(s) hold no JSON token cache`,
      });
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      await closeBrowser();
      await browser.close();
      await sb.stop();
    }
  });
});

describe.skipIf(keyringAvailable())('secrets scan (not run)', () => {
  it('records why it did not run', () => {
    log.skipped({ area: 'Secrets', tried: 'scan of every file, output and renderer storage after real app and CLI runs', reason });
  });
});
