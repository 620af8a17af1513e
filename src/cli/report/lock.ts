import { open, readFile, unlink } from 'node:fs/promises';
import { CliError } from '../errors';
import { exitCodes } from '../exit-codes';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One report per output file at a time: two runs appending to the same partial file would
 * corrupt it. The lock holds the owner's pid; a lock left by a process that died is taken over.
 */
export async function lockOutput(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = (await readFile(path, 'utf8').catch(() => null))?.trim();
      const owner = Number(text);
      // An empty lock was created an instant ago and its pid is being written: it is held.
      if (text === '' || (Number.isInteger(owner) && owner > 0 && alive(owner))) {
        throw new CliError(
          `Another m365-connect report${text ? ` (process ${owner})` : ''} is writing this file.`,
          exitCodes.failure,
          'Wait for it to finish, or choose another --out.',
          'busy',
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new CliError(`Could not lock ${path}.`, exitCodes.failure);
}
