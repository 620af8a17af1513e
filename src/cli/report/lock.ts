import { open, readFile, stat, unlink } from 'node:fs/promises';
import { CliError } from '../cli-errors';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A takeover lock older than this was left by a process that died mid-takeover. */
const takeoverStaleMs = 10_000;

const busy = (owner: string | undefined) =>
  new CliError(
    `Another m365-connect report${owner ? ` (process ${owner})` : ''} is writing this file.`,
    'busy',
    'Wait for it to finish, or choose another --out.',
  );

const isEexist = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';

async function createExclusive(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if (isEexist(error)) return false;
    throw error;
  }
}

/** The lock's owner, or null when the lock is free to take over (missing, or its process died). */
async function liveOwner(path: string): Promise<string | null> {
  const text = (await readFile(path, 'utf8').catch(() => null))?.trim();
  if (text === undefined) return null;
  const pid = Number(text);
  // An empty lock was created an instant ago and its pid is being written: it is held.
  if (text === '' || (Number.isInteger(pid) && pid > 0 && alive(pid))) return text;
  return null;
}

/**
 * Removes a stale lock without racing another process doing the same: only the holder of a
 * second, short-lived lock may delete it, and only after checking again that it is stale.
 * Otherwise one process could delete the fresh lock another has just taken over.
 */
async function removeStale(path: string): Promise<void> {
  const takeover = `${path}.takeover`;
  if (!(await createExclusive(takeover))) {
    const age = await stat(takeover).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age < takeoverStaleMs) throw busy(undefined);
    await unlink(takeover).catch(() => undefined);
    return;
  }
  try {
    const owner = await liveOwner(path);
    if (owner !== null) throw busy(owner || undefined);
    await unlink(path).catch(() => undefined);
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

/**
 * One report per output file at a time: two runs appending to the same partial file would
 * corrupt it. The lock holds the owner's pid; a lock left by a process that died is taken over.
 */
export async function lockOutput(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createExclusive(path)) return () => unlink(path).catch(() => undefined);
    const owner = await liveOwner(path);
    if (owner !== null) throw busy(owner || undefined);
    await removeStale(path);
  }
  throw new CliError(`Could not lock ${path}.`, 'cli');
}
