import { spawn } from 'node:child_process';
import type { Platform } from '../main/platform-port';
import type { CliIo } from './io';

/**
 * The CLI's way to open the system browser for interactive sign-in. The URL is also printed
 * (stderr), so sign-in works over SSH or when no browser starts.
 */
export function cliPlatform(io: CliIo): Pick<Platform, 'openExternal'> {
  return {
    async openExternal(url: string) {
      io.stderr.write(`Opening your browser to sign in. If it does not open, visit:\n  ${url}\n`);
      const [command, args] =
        process.platform === 'darwin'
          ? ['open', [url]]
          : process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '""', url]]
            : ['xdg-open', [url]];
      await new Promise<void>((resolve) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true });
        child.on('error', () => resolve());
        child.on('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}
