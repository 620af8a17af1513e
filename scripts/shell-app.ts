import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, settingsFileIn } from '../src/main/config';
import { composeServices } from '../src/main/compose';
import { logInternalError } from '../src/main/ipc/log-internal-error';
import { launchChromium } from '../src/shell/chromium';
import { openShell } from '../src/shell/launch';
import { createShellPlatform } from '../src/shell/shell-platform';
import { version } from '../package.json';


/** The app in the system Chromium: headed when there is a display, headless otherwise. */
export async function openShellApp(options: { env: NodeJS.ProcessEnv; userDataDir: string; onClosed: () => void }) {
  const headless = !options.env.DISPLAY && !options.env.WAYLAND_DISPLAY;
  const browser = await launchChromium({ headless });
  const config = await loadConfig({ env: options.env, settingsFile: settingsFileIn(options.userDataDir) });
  const platform = createShellPlatform({
    browser,
    appDataDir: options.userDataDir,
    downloadsDir: join(homedir(), 'Downloads'),
    trustSandboxCertificates: config.demoTenant,
  });
  const services = await composeServices({ platform, version, config });
  const shell = await openShell({
    browser,
    services,
    platform,
    rendererDir: resolve(__dirname, '../out/renderer'),
    onInternalError: logInternalError,
  });
  shell.page.on('close', options.onClosed);
  if (headless) {
    const screenshot = join(options.userDataDir, 'start-screenshot.png');
    await shell.page.screenshot({ path: screenshot });
    console.log(`No display found: the app runs headless (screenshot: ${screenshot}). Press Ctrl-C to stop.`);
  }
  return shell;
}
