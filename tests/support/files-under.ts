import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every regular file under `root` (symlinks not followed; a missing or unreadable folder adds
 * none). An entry removed between listing and lstat, such as an atomic write's temporary file
 * renamed meanwhile, is left out, not an error: the app may still be writing while a test looks.
 */
export async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (info?.isDirectory()) await walk(path);
      else if (info?.isFile()) out.push(path);
    }
  };
  await walk(root);
  return out;
}
