import type { Browser } from 'playwright-core';
import type { Sandbox, SignInCredentials } from '../../sandbox/index';

/**
 * What the person does in the system browser: open the authorize URL in a browser of its own
 * (which trusts the sandbox as the user's browser would trust Microsoft), complete the sign-in
 * page, and wait for the redirect back to MSAL's loopback listener.
 */
export async function signInInBrowser(
  browser: Browser,
  sb: Pick<Sandbox, 'completeSignIn'>,
  user: SignInCredentials,
  url: string,
): Promise<void> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await sb.completeSignIn(page, user);
    await page.waitForURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+/, { timeout: 15_000 }).catch(() => undefined);
  } finally {
    await context.close();
  }
}
