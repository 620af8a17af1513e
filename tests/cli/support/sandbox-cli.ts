import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { appEnvFor } from '../../../sandbox/app-env';
import { launchChromium } from '../../../src/shell/chromium';
import type { Sandbox } from '../../../sandbox/index';
import { isolatedHome, runCli, type CliRun } from './cli-process';

export type { Sandbox };

/**
 * The CLI's environment for a sandbox tenant: every endpoint from configuration, the
 * sandbox CA as the extra CA, a private home, and a keychain service of its own so test
 * files sharing one keyring never see each other's tokens or passwords.
 */
export async function sandboxEnv(sb: Sandbox): Promise<NodeJS.ProcessEnv> {
  return {
    ...(await isolatedHome()),
    ...appEnvFor(sb),
    M365_CONNECT_KEYCHAIN_SERVICE: `m365-connect-test-${randomBytes(4).toString('hex')}`,
  };
}

let browser: Browser | null = null;
async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium({ headless: true });
  return browser;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * `m365-connect sign-in --device-code` as a child process, completed the way a person would:
 * the code it prints is typed into the sandbox's device login page in Chromium, then the
 * user's credentials (and MFA code) on the sign-in pages.
 */
export async function signInWithDeviceCode(
  sb: Sandbox,
  env: NodeJS.ProcessEnv,
  user: { upn: string; password: string; mfaCode?: string },
  extraArgs: string[] = [],
): Promise<CliRun> {
  let completing: Promise<void> | null = null;
  let failure: unknown = null;
  const run = runCli(['sign-in', '--device-code', ...extraArgs], {
    env,
    timeoutMs: 90_000,
    onStderr: (stderr) => {
      const match = /open (\S+) and enter the code (\S+)/.exec(stderr);
      if (match && !completing) completing = completeDeviceLogin(sb, match[1]!, match[2]!, user).catch((error: unknown) => {
          failure = error;
        });
    },
  });
  const result = await run;
  if (completing) await completing;
  if (failure) throw new Error(`completing the device-code sign-in failed: ${String(failure)}\nCLI stderr: ${result.stderr}`);
  return result;
}

async function completeDeviceLogin(sb: Sandbox, url: string, code: string, user: { upn: string; password: string; mfaCode?: string }) {
  // The CLI must send the person to the tenant's own device-login page.
  if (url !== sb.deviceLoginUrl) throw new Error(`the CLI pointed to ${url}, not ${sb.deviceLoginUrl}`);
  const context = await (await sharedBrowser()).newContext({ ignoreHTTPSErrors: true });
  try {
    await sb.completeDeviceSignIn(await context.newPage(), { ...user, userCode: code });
  } finally {
    await context.close();
  }
}
