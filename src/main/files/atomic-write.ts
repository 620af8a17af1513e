import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; tests swap in failing ones. */
export type AtomicWriteIo = {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
};
const nodeIo: AtomicWriteIo = { open, rename, unlink };

/**
 * Writes `data` to `path` so that readers see either the old file or the new one, never a
 * torn write: write a temporary file beside it, fsync it, rename it over the target, then
 * fsync the folder so the rename itself survives a power cut. On any failure the temporary
 * file is removed and the previous file is left exactly as it was.
 */
export async function writeFileAtomic(path: string, data: string, io: AtomicWriteIo = nodeIo): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await io.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, path);
  } catch (error) {
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, io);
}

async function syncFolder(folder: string, io: AtomicWriteIo): Promise<void> {
  // Not every platform can open a folder for fsync (Windows cannot); the rename still happened.
  const handle = await io.open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
