import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** Where IT staff put the machine-wide policy, per platform. */
export function machinePolicyPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'm365-connect', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/m365-connect/policy.json';
    default:
      return '/etc/m365-connect/policy.json';
  }
}

/**
 * The per-user data folder outside Electron (the CLI); it matches Electron's userData for
 * an app named m365-connect, so the app and the CLI share settings and the token cache.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA ?? win32.join(homedir(), 'AppData', 'Roaming'), 'm365-connect');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'm365-connect');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'm365-connect');
  }
}

export const settingsFileIn = (userDataDir: string) => join(userDataDir, 'settings.json');
