import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/ipc/app-error';
import { writeFileAtomic, type AtomicWriteIo } from '../files/atomic-write';
import { invalidFile } from './config-errors';
import { readJsonFile } from '../files/json-file';
import { userSettingsSchema, type ConfigKey, type ConfigValues, type UserSettings } from './schema';

export type SettingsChanges = { [K in ConfigKey]?: ConfigValues[K] | null };

/**
 * Changes the user's settings file: `null` removes a key. Validated with the same schema
 * as loading, refused for keys the policy locks, and written atomically so a failed write
 * leaves the previous file intact. Returns the settings as written.
 */
export async function saveUserSettings(options: {
  settingsFile: string;
  changes: SettingsChanges;
  locked?: readonly ConfigKey[];
  io?: AtomicWriteIo;
}): Promise<UserSettings> {
  const lockedChanged = Object.keys(options.changes).filter((key) => options.locked?.includes(key as ConfigKey));
  if (lockedChanged.length > 0) {
    throw new AppError({
      code: 'policy-forbidden',
      message: `Your organisation's policy locks ${lockedChanged.map((key) => `"${key}"`).join(', ')}.`,
      nextStep: 'Ask your IT administrator if this setting needs to change.',
    });
  }
  const current = (await readJsonFile('settings', options.settingsFile, userSettingsSchema, { required: false })) ?? {};
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(options.changes)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  const parsed = userSettingsSchema.safeParse(next);
  if (!parsed.success) throw invalidFile('settings', options.settingsFile, parsed.error);
  try {
    await mkdir(dirname(options.settingsFile), { recursive: true, mode: 0o700 });
    await writeFileAtomic(options.settingsFile, `${JSON.stringify(parsed.data, null, 2)}\n`, options.io);
  } catch (error) {
    throw writeFailed(options.settingsFile, error);
  }
  return parsed.data;
}

const plainErrno: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an error',
  ENOENT: 'its folder cannot hold new files',
  ENOTDIR: 'a file stands where its folder should be',
};

/** The write was atomic, so whatever failed, the previous file is still there: say so. */
function writeFailed(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code && Object.hasOwn(plainErrno, code) ? `${plainErrno[code]} (${code})` : (code ?? 'an unexpected error');
  return new AppError({
    code: 'settings-write-failed',
    message: `Could not save the settings file ${file}: ${reason}. Your previous settings are unchanged.`,
    nextStep: code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some disk space, then try again.' : 'Check that the folder is writable, then try again.',
  });
}
