import * as z from '../zod';
import { bridgeFailureCauseSchema, bridgeProtocolSchema, bridgeStatusSchema } from './status';

/**
 * What the app's window and tray show about the bridge: its status plus the app's own view of
 * health (the alert to act on) and the "start at login" setting. No secrets in here.
 */
export const bridgeAlertSchema = z.object({
  /** needs-sign-in: the refresh token stopped working; needs-admin: SMTP AUTH off, Conditional Access. */
  kind: z.enum(['needs-sign-in', 'needs-admin']),
  upn: z.string(),
  protocol: z.nullable(bridgeProtocolSchema),
  cause: bridgeFailureCauseSchema,
  /** One sentence for people: what broke and what to do. */
  message: z.string(),
  /** The offline guide that explains the admin step, when there is one. */
  guide: z.nullable(z.string()),
});
export type BridgeAlert = z.infer<typeof bridgeAlertSchema>;

export const bridgeViewSchema = z.object({
  status: bridgeStatusSchema,
  alert: z.nullable(bridgeAlertSchema),
  startAtLogin: z.object({ enabled: z.boolean(), lockedByPolicy: z.boolean() }),
});
export type BridgeView = z.infer<typeof bridgeViewSchema>;

export const bridgeTestResultSchema = z.object({
  protocol: bridgeProtocolSchema,
  ok: z.boolean(),
  /** The listener the test logged in to: exactly what the tool is told to use. */
  host: z.string(),
  port: z.number().check(z.int()),
  /** The bridge's last reply (e.g. "235 2.7.0 ..." or "a1 OK ..."); never the password. */
  reply: z.nullable(z.string()),
  cause: z.nullable(bridgeFailureCauseSchema),
  advice: z.string(),
});
export type BridgeTestResult = z.infer<typeof bridgeTestResultSchema>;
