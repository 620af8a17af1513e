import { internalError } from '../../../shared/errors/catalogue';
import type { AppErrorShape } from '../../../shared/ipc/app-error';
import { ApiError } from '../api';

/**
 * What a screen may show about a failure: the typed error's plain message and next step. Anything
 * else (a bug, a lost binding) becomes a generic message, so no stack trace ever reaches the screen.
 */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof ApiError) return error.shape;
  return internalError().toShape();
}
