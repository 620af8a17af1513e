import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron runtime binary, if this machine has it: the electron package's own download
 * (`npx install-electron`, or its lazy download on first use, from Electron's release host) or
 * a runtime provided through ELECTRON_OVERRIDE_DIST_PATH. Null on machines that reach neither.
 */
export function findElectronRuntime(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable) : existsSync(pathFile) ? join(pkg, 'dist', executable) : null;
  return binary && existsSync(binary) ? binary : null;
}
