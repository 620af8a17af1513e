import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockOutput } from '../../src/cli/report/lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deadPid = '999999999';

describe('report output lock', () => {
  it('lets exactly one of many concurrent runs take over a stale lock', async () => {
    const path = join(dir, 'out.csv.lock');
    for (let round = 0; round < 20; round += 1) {
      await writeFile(path, deadPid);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => lockOutput(path)));
      const held = results.filter((result) => result.status === 'fulfilled');
      expect(held, `round ${round}`).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'busy' });
      }
      expect(await readFile(path, 'utf8')).toBe(String(process.pid));
      await held[0]!.value();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('refuses while the owner lives, and names it', async () => {
    const path = join(dir, 'out.csv.lock');
    const release = await lockOutput(path);
    await expect(lockOutput(path)).rejects.toMatchObject({ code: 'busy', message: expect.stringContaining(`process ${process.pid}`) });
    await release();
    const again = await lockOutput(path);
    await again();
  });

  it('clears a takeover left behind by a process that died mid-takeover', async () => {
    const path = join(dir, 'out.csv.lock');
    await writeFile(path, deadPid);
    await writeFile(`${path}.takeover`, deadPid);
    // A fresh takeover is someone at work: busy.
    await expect(lockOutput(path)).rejects.toMatchObject({ code: 'busy' });
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.takeover`, old, old);
    const release = await lockOutput(path);
    await release();
    expect(await readdir(dir)).toEqual([]);
  });
});
