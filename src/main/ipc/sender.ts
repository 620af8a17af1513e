/** The facts about a caller that both hosts can supply: Electron's senderFrame, Playwright's binding source. */
export type SenderInfo = { url: string; isMainFrame: boolean };

/**
 * Only the app's own top-level document may call handlers: not an iframe, not a page the
 * window was somehow navigated to, not another origin.
 */
export function isTrustedSender(sender: SenderInfo, trustedOrigin: string): boolean {
  if (!sender.isMainFrame) return false;
  try {
    // Compare scheme and host, not URL.origin: for custom schemes like app:// it is "null".
    const actual = new URL(sender.url);
    const expected = new URL(trustedOrigin);
    return actual.protocol === expected.protocol && actual.host === expected.host;
  } catch {
    return false;
  }
}
