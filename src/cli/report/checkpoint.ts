import { readFile, unlink } from 'node:fs/promises';
import * as z from '../../shared/zod';
import { writeFileAtomic } from '../../main/files/atomic-write';
import { tenantFactsSchema } from './tenant-facts';

/**
 * The resume point of a report, beside the output: the next page to fetch and how many rows
 * and bytes of the partial file are committed. Written atomically after the partial file is
 * synced, so the file always holds at least what the checkpoint says; a resume cuts it back
 * to exactly that. Holds no token and no secret.
 */
export const checkpointSchema = z.object({
  version: z.literal(1),
  format: z.enum(['csv', 'json']),
  source: z.string(),
  nextLink: z.nullable(z.string()),
  rowsWritten: z.number().check(z.int(), z.nonnegative()),
  bytesWritten: z.number().check(z.int(), z.nonnegative()),
  pagesWritten: z.number().check(z.int(), z.nonnegative()),
  skippedRows: z.number().check(z.int(), z.nonnegative()),
  startedAt: z.string(),
  tenant: tenantFactsSchema,
  notices: z.array(z.string()),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export type ReportPaths = { out: string; part: string; checkpoint: string; meta: string; lock: string };

export function reportPaths(out: string): ReportPaths {
  const base = out.replace(/\.(csv|json)$/i, '');
  return { out, part: `${out}.part`, checkpoint: `${out}.checkpoint.json`, meta: `${base}.meta.json`, lock: `${out}.lock` };
}

/** The checkpoint, null when there is none; an unreadable one is an error (never silently restarted). */
export async function readCheckpoint(path: string): Promise<Checkpoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = checkpointSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`the checkpoint ${path} is not valid`);
  return parsed.data;
}

export const writeCheckpoint = (path: string, checkpoint: Checkpoint) =>
  writeFileAtomic(path, `${JSON.stringify(checkpoint, null, 2)}\n`);

export const removeIfPresent = (path: string) => unlink(path).catch(() => undefined);
