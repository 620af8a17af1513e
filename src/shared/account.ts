import * as z from './zod';

/** What the renderer may know about the signed-in account: never a token. */
export const accountSchema = z.object({
  upn: z.string(),
  name: z.string(),
  tenantId: z.string(),
  homeAccountId: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
