import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { bridgeStatusSchema, type BridgeStatus } from '../../shared/bridge/status';
import { writeFileAtomic } from '../files/atomic-write';

/** What the lock file says: who runs the bridge and where. Never a secret. */
export type BridgeLockInfo = { pid: number; smtpPort: number; imapPort: number; startedAt: string };

export const bridgeFolder = (dataDir: string) => join(dataDir, 'bridge');
const lockPath = (dataDir: string) => join(bridgeFolder(dataDir), 'bridge.lock');
const statePath = (dataDir: string) => join(bridgeFolder(dataDir), 'bridge-state.json');

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLock(dataDir: string): Promise<BridgeLockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as Partial<BridgeLockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.smtpPort !== 'number' || typeof parsed.imapPort !== 'number') return null;
    return { pid: parsed.pid, smtpPort: parsed.smtpPort, imapPort: parsed.imapPort, startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return null;
  }
}

/** The live bridge of another process, if there is one (a stale lock of a dead one is not). */
export async function liveOtherBridge(dataDir: string): Promise<BridgeLockInfo | null> {
  const lock = await readLock(dataDir);
  return lock && lock.pid !== process.pid && processAlive(lock.pid) ? lock : null;
}

/**
 * One bridge per user: the lock is created exclusively; a stale one (its process is gone)
 * is replaced. Returns the other owner when a live bridge already holds it.
 */
export async function acquireLock(dataDir: string, info: BridgeLockInfo): Promise<{ ok: true } | { ok: false; owner: BridgeLockInfo }> {
  await mkdir(bridgeFolder(dataDir), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(lockPath(dataDir), 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(info));
      } finally {
        await handle.close();
      }
      return { ok: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readLock(dataDir);
      if (owner && owner.pid !== process.pid && processAlive(owner.pid)) return { ok: false, owner };
      await unlink(lockPath(dataDir)).catch(() => undefined);
    }
  }
  throw new Error('could not take the bridge lock');
}

/** The ports are known only after listening: the lock is rewritten with them. */
export const updateLock = (dataDir: string, info: BridgeLockInfo) => writeFileAtomic(lockPath(dataDir), JSON.stringify(info));

export async function releaseLock(dataDir: string): Promise<void> {
  const lock = await readLock(dataDir);
  if (lock?.pid === process.pid) await unlink(lockPath(dataDir)).catch(() => undefined);
  await unlink(statePath(dataDir)).catch(() => undefined);
}

export const writeStateFile = (dataDir: string, status: BridgeStatus) => writeFileAtomic(statePath(dataDir), `${JSON.stringify(status)}\n`);

/** The running bridge's status as another process sees it; stopped when none runs. */
export async function readBridgeState(dataDir: string): Promise<BridgeStatus> {
  const stopped: BridgeStatus = { state: 'stopped', owner: null, pid: null, listeners: [], accounts: [], sessionsOpen: 0, health: 'ok' };
  const lock = await readLock(dataDir);
  if (!lock || !processAlive(lock.pid)) return stopped;
  try {
    const parsed = bridgeStatusSchema.safeParse(JSON.parse(await readFile(statePath(dataDir), 'utf8')));
    if (!parsed.success) return stopped;
    return { ...parsed.data, owner: lock.pid === process.pid ? 'this-process' : 'other-process', pid: lock.pid };
  } catch {
    return stopped;
  }
}
