import type * as z from '../../shared/zod';
import { describeBytes, fileReadLimit, isInputTooLarge, readFileBounded, silentPipeProblem } from './bounded-read';
import { invalidFile, unreadableFile } from '../config/config-errors';

/**
 * Reads and validates a whole JSON file before anything uses it: on any problem it throws,
 * so no caller ever sees half a file. `null` when the file does not exist and that is fine.
 * Errors name the file and the problem but never quote it: a settings path pointing at another
 * file (a symlink to /etc/passwd, say) must not print that file's contents.
 */
export async function readJsonFile<S extends z.ZodMiniType>(
  kind: 'policy' | 'settings',
  file: string,
  schema: S,
  options: { required: boolean },
): Promise<z.output<S> | null> {
  let text: string;
  try {
    text = (await readFileBounded(file, fileReadLimit)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.required) return null;
    throw unreadableFile(kind, file, unreadableReason(error));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadableFile(kind, file, `not valid JSON${jsonErrorPosition(error)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw unreadableFile(kind, file, 'the top level must be a JSON object');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidFile(kind, file, parsed.error);
  return parsed.data;
}

/** Why a file could not be read, from its error code only (fs messages are not needed). */
function unreadableReason(error: unknown): string {
  if (isInputTooLarge(error)) return `it is larger than ${describeBytes(error.limit)}`;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EAGAIN':
      return `it is ${silentPipeProblem}`;
    default:
      return code ? `error ${code}` : 'it could not be read';
  }
}

/** Where JSON.parse stopped, as a number: its message quotes the text around it, which must not be shown. */
function jsonErrorPosition(error: unknown): string {
  const position = error instanceof Error ? /\bposition (\d+)/.exec(error.message)?.[1] : undefined;
  return position === undefined ? '' : ` (error at character ${position})`;
}
