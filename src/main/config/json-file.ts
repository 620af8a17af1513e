import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { invalidFile, unreadableFile } from './errors';

/**
 * Reads and validates a whole JSON file before anything uses it: on any problem it throws,
 * so no caller ever sees half a file. `null` when the file does not exist and that is fine.
 */
export async function readJsonFile<S extends z.ZodType>(
  kind: 'policy' | 'settings',
  file: string,
  schema: S,
  options: { required: boolean },
): Promise<z.output<S> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.required) return null;
    throw unreadableFile(kind, file, code === 'ENOENT' ? 'the file does not exist' : describe(error));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadableFile(kind, file, `not valid JSON (${describe(error)})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw unreadableFile(kind, file, 'the top level must be a JSON object');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidFile(kind, file, parsed.error);
  return parsed.data;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
