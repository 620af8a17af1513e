import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * "Start at login" on Linux: an XDG autostart entry, per the freedesktop.org Desktop
 * Application Autostart Specification ($XDG_CONFIG_HOME/autostart/NAME.desktop). Free of
 * 'electron', so it is unit-tested on any machine.
 */
export const autostartFileName = 'm365-connect.desktop';

export function xdgAutostartPath(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', autostartFileName);
}

/** Desktop Entry Exec quoting: every argument double-quoted, with ", `, $ and \ escaped. */
const quoteExecArgument = (argument: string) => `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;

export function autostartEntry(options: { exec: string; args: readonly string[] }): string {
  const exec = [options.exec, ...options.args].map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=m365-connect',
    'Comment=Keeps the bridge for your backup tool running',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function setXdgAutostart(options: { enabled: boolean; path: string; exec: string; args: readonly string[] }): Promise<void> {
  if (!options.enabled) {
    await rm(options.path, { force: true });
    return;
  }
  await mkdir(dirname(options.path), { recursive: true });
  await writeFileAtomic(options.path, autostartEntry(options));
}
