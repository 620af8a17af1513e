import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../../shared/zod';
import { lastTestSchema, type LastTest } from '../../shared/smtp/last-test';
import { writeFileAtomic } from '../files/atomic-write';

const fileSchema = z.record(z.string(), z.array(lastTestSchema));

/**
 * Remembers the last test login per account and route in the app's data folder (last-tests.json).
 * Best effort: an unreadable or unwritable file means the app simply does not remember, and the
 * in-memory copy still serves this session.
 */
export function createLastTestStore(dataDir: () => string) {
  let memory: Record<string, LastTest[]> | null = null;
  const file = () => join(dataDir(), 'last-tests.json');
  const load = async (): Promise<Record<string, LastTest[]>> => {
    if (memory) return memory;
    try {
      memory = fileSchema.parse(JSON.parse(await readFile(file(), 'utf8')));
    } catch {
      memory = {};
    }
    return memory;
  };
  return {
    async get(upn: string): Promise<LastTest[]> {
      return (await load())[upn.toLowerCase()] ?? [];
    },
    async record(upn: string, test: LastTest): Promise<void> {
      const all = await load();
      const key = upn.toLowerCase();
      all[key] = [...(all[key] ?? []).filter((t) => t.method !== test.method), test];
      await writeFileAtomic(file(), JSON.stringify(all, null, 2)).catch(() => undefined);
    },
  };
}
