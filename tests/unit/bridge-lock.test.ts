import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, readBridgeState, releaseLock, updateLock, writeStateFile } from '../../src/main/bridge/bridge-lock';
import type { BridgeStatus } from '../../src/shared/bridge/status';

const running: BridgeStatus = {
  state: 'running',
  owner: 'this-process',
  pid: process.pid,
  listeners: [{ protocol: 'smtp', host: '127.0.0.1', port: 1587, starttls: true }],
  accounts: [],
  sessionsOpen: 0,
  health: 'ok',
};

describe('one bridge per user', () => {
  const other = spawn('sleep', ['60']);
  afterAll(() => other.kill());

  it('takes the lock, publishes its state, and releases both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'm365-lock-'));
    expect(await acquireLock(dir, { pid: process.pid, smtpPort: -1, imapPort: -1, startedAt: 'now' })).toEqual({ ok: true });
    await updateLock(dir, { pid: process.pid, smtpPort: 1587, imapPort: 1143, startedAt: 'now' });
    expect(JSON.parse(await readFile(join(dir, 'bridge', 'bridge.lock'), 'utf8'))).toEqual({ pid: process.pid, smtpPort: 1587, imapPort: 1143, startedAt: 'now' });
    await writeStateFile(dir, running);
    expect(await readBridgeState(dir)).toEqual({ ...running, owner: 'this-process' });
    await releaseLock(dir);
    expect(await readBridgeState(dir)).toMatchObject({ state: 'stopped', owner: null, pid: null });
  });

  it('a live bridge of another process keeps the lock and is reported as other-process; a dead one\'s lock is taken over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'm365-lock-'));
    await mkdir(join(dir, 'bridge'), { recursive: true });
    const lock = { pid: other.pid!, smtpPort: 1587, imapPort: 1143, startedAt: 'then' };
    await writeFile(join(dir, 'bridge', 'bridge.lock'), JSON.stringify(lock));
    await writeFile(join(dir, 'bridge', 'bridge-state.json'), JSON.stringify({ ...running, pid: other.pid }));
    expect(await acquireLock(dir, { pid: process.pid, smtpPort: -1, imapPort: -1, startedAt: 'now' })).toEqual({ ok: false, owner: lock });
    expect(await readBridgeState(dir)).toMatchObject({ state: 'running', owner: 'other-process', pid: other.pid });

    const dead = spawn('true');
    await new Promise((resolve) => dead.on('close', resolve));
    await writeFile(join(dir, 'bridge', 'bridge.lock'), JSON.stringify({ ...lock, pid: dead.pid }));
    expect(await readBridgeState(dir)).toMatchObject({ state: 'stopped' });
    expect(await acquireLock(dir, { pid: process.pid, smtpPort: -1, imapPort: -1, startedAt: 'now' })).toEqual({ ok: true });
  });
});
