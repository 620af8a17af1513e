import * as z from '../zod';
import { errorCodes } from './app-error';

/**
 * The failure every IPC result carries, as a schema: apart from the AppError class, so the
 * renderer, which needs only the class, loads no zod.
 */
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /** Plain language, safe to show: never a secret, never a stack trace. */
  message: z.string(),
  /** What the user can do about it. */
  nextStep: z.optional(z.string()),
  /** A guide that helps, by id. */
  guide: z.optional(z.string()),
  /** A ready-written text the user can send to their admin (only an admin can fix it). */
  adminMessage: z.optional(z.string()),
  /** Which payload fields were wrong (validation errors only). */
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;
