import { mkdtemp, writeFile } from 'node:fs/promises';
import { signInInBrowser } from '../support/browser-sign-in';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { loadConfig, type ResolvedConfig } from '../../src/main/config';
import type { Platform } from '../../src/main/platform-port';

/** What these tests need from a started sandbox (see the brief's sandbox API). */
export type SandboxLike = {
  authorityHost: string;
  tenantId: string;
  graphBaseUrl: string;
  caPemPath: string;
  clientId: string;
  scenario: { users: { upn: string; password: string; mfaCode?: string }[] };
  counters: { graphRequests: number; tokenRequests: number };
  resetCounters(): void;
  completeSignIn(page: Page, user: { upn: string; password: string; mfaCode?: string }): Promise<void>;
};

/** The app's configuration pointed at the sandbox, through the same env keys a user would set. */
export async function sandboxConfig(sb: SandboxLike, keychainService: string, policy: object = {}): Promise<ResolvedConfig> {
  // An explicit policy file, so a machine-wide policy on the test host cannot leak in.
  const dir = await mkdtemp(join(tmpdir(), 'm365-policy-'));
  const policyFile = join(dir, 'policy.json');
  // The sandbox's hosts are not Microsoft's: only a policy may name them.
  await writeFile(policyFile, JSON.stringify({ authorityHost: sb.authorityHost, graphBaseUrl: sb.graphBaseUrl, ...policy }));
  return loadConfig({
    machinePolicyFile: null,
    env: {
      M365_CONNECT_CLIENT_ID: sb.clientId,
      M365_CONNECT_TENANT: sb.tenantId,
      M365_CONNECT_EXTRA_CA_FILE: sb.caPemPath,
      M365_CONNECT_KEYCHAIN_SERVICE: keychainService,
    },
    policyFile,
  });
}

/**
 * A Platform whose "system browser" is a Playwright page that completes the sandbox's
 * sign-in (MFA prompt included), as a person would.
 */
export function browserPlatform(
  browser: Browser,
  sb: SandboxLike,
  user: { upn: string; password: string; mfaCode?: string },
): Pick<Platform, 'openExternal'> & { opened: string[]; done: Promise<void>[] } {
  const opened: string[] = [];
  const done: Promise<void>[] = [];
  return {
    opened,
    done,
    async openExternal(url) {
      opened.push(url);
      // Like the system browser: openExternal returns at once, the person signs in meanwhile.
      done.push(signInInBrowser(browser, sb, user, url));
    },
  };
}

/** Opening a browser here would mean the silent path failed. */
export const noBrowser: Pick<Platform, 'openExternal'> = {
  openExternal: async (url) => {
    throw new Error(`the browser was opened (${url}) where a silent sign-in was expected`);
  },
};

export async function secretServiceReachable(): Promise<string | null> {
  try {
    await keytar.setPassword('m365-connect-probe', 'probe', 'x');
    await keytar.deletePassword('m365-connect-probe', 'probe');
    return null;
  } catch (error) {
    return `no Secret Service reachable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run under scripts/with-keyring.sh`;
  }
}

export { launchTestBrowser };
