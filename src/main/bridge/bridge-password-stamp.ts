import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bridgeFolder } from './bridge-lock';

/**
 * A file in the bridge folder whose modification time says "a bridge password was replaced".
 * `m365-connect bridge password --rotate` usually runs in another process than the running
 * bridge; touching this file is how the bridge learns to forget what it remembered. It holds
 * no secret (a fixed word), only its time matters.
 */
const stampPath = (dataDir: string) => join(bridgeFolder(dataDir), 'passwords-changed');

export async function readPasswordStamp(dataDir: string): Promise<string> {
  try {
    const info = await stat(stampPath(dataDir), { bigint: true });
    return `${info.mtimeNs}:${info.ino}:${info.size}`;
  } catch {
    return 'none';
  }
}

export async function touchPasswordStamp(dataDir: string): Promise<void> {
  const path = stampPath(dataDir);
  await mkdir(bridgeFolder(dataDir), { recursive: true, mode: 0o700 });
  const previous = await readPasswordStamp(dataDir);
  await writeFile(path, 'rotated\n', { mode: 0o600 });
  // Two rotations within the file system's time resolution must still differ.
  if ((await readPasswordStamp(dataDir)) === previous) {
    const later = new Date(Date.now() + 1000);
    await utimes(path, later, later);
  }
}
