import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron runtime binary, if this machine has it. The electron package downloads it from
 * Electron's release host on first use, which closed networks can't reach: then this is null.
 */
export function findElectronRuntime(root: string): string | null {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
