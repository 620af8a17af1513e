import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** The system Chromium (Debian's `chromium`); Playwright's own browser download is never used. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

// Without these, Chromium phones home at start-up; on a closed network that is noise and delay.
const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-gpu',
];

export async function launchChromium(options: { headless: boolean }): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium was not found. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  const launch: LaunchOptions = { executablePath, headless: options.headless, args: [...quietFlags] };
  // Chromium's own sandbox can't start as root; that is the only case it is turned off.
  if (process.getuid?.() === 0) launch.args?.push('--no-sandbox');
  return chromium.launch(launch);
}
