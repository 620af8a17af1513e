import * as z from '../zod';
import { smtpCauseSchema, smtpMethodSchema } from './result';

/**
 * The last test login per route, remembered across restarts so a returning user sees where
 * they stand. Only the route, the outcome's cause and the time: never a password, token or reply.
 */
export const lastTestSchema = z.object({
  method: smtpMethodSchema,
  ok: z.boolean(),
  cause: smtpCauseSchema,
  at: z.string(),
});
export type LastTest = z.infer<typeof lastTestSchema>;
export const lastTestsSchema = z.array(lastTestSchema).check(z.maxLength(4));
