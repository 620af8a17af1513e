import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * Which cached account is the current one (after a switch, several are cached). Holds only
 * the MSAL home account id: an identifier, not a secret.
 */
export function activeAccountStore(cacheDir: string) {
  const file = join(cacheDir, 'active-account.json');
  return {
    async read(): Promise<string | null> {
      try {
        const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
        const id = (parsed as { homeAccountId?: unknown }).homeAccountId;
        return typeof id === 'string' ? id : null;
      } catch {
        return null;
      }
    },
    async write(homeAccountId: string): Promise<void> {
      await writeFileAtomic(file, `${JSON.stringify({ homeAccountId })}\n`);
    },
    async clear(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}
