import * as z from '../zod';

/**
 * What the bridge reports about itself: shared by the bridge service (src/main/bridge/), the
 * CLI's `bridge status --json`, the app's tray and the renderer. No secrets ever go in here.
 */
export const bridgeProtocols = ['smtp', 'imap'] as const;
export const bridgeProtocolSchema = z.enum(bridgeProtocols);
export type BridgeProtocol = z.infer<typeof bridgeProtocolSchema>;

/**
 * Why a tool's login through the bridge failed (recorded per account, shown in status, turned
 * into the tool's own protocol reply). Stable ids: scripts and the app match on them.
 */
export const bridgeFailureCauses = [
  'wrong-local-password',
  'not-signed-in',
  'consent-missing',
  'refresh-token-expired',
  'refresh-token-revoked',
  'sign-in-frequency',
  'conditional-access',
  'smtp-auth-disabled',
  'upstream-auth-rejected',
  'upstream-tls-untrusted',
  'upstream-unreachable',
  'keychain-unavailable',
  'unknown',
] as const;
export const bridgeFailureCauseSchema = z.enum(bridgeFailureCauses);
export type BridgeFailureCause = z.infer<typeof bridgeFailureCauseSchema>;

export const bridgeListenerSchema = z.object({
  protocol: bridgeProtocolSchema,
  host: z.string(),
  port: z.number().check(z.int()),
  /** What the tool should choose as "encryption": the listener offers STARTTLS, plain is allowed on loopback. */
  starttls: z.boolean(),
});
export type BridgeListener = z.infer<typeof bridgeListenerSchema>;

export const bridgeAccountStatusSchema = z.object({
  upn: z.string(),
  sessionsOpen: z.number().check(z.int()),
  lastError: z.nullable(
    z.object({ cause: bridgeFailureCauseSchema, protocol: bridgeProtocolSchema, at: z.string(), message: z.string() }),
  ),
  lastSuccessAt: z.nullable(z.string()),
});
export type BridgeAccountStatus = z.infer<typeof bridgeAccountStatusSchema>;

/** ok: logins work; needs-sign-in: the refresh token stopped working; needs-admin: SMTP AUTH off, CA. */
export const bridgeHealthSchema = z.enum(['ok', 'needs-sign-in', 'needs-admin', 'error']);
export type BridgeHealth = z.infer<typeof bridgeHealthSchema>;

export const bridgeStatusSchema = z.object({
  state: z.enum(['stopped', 'running', 'paused']),
  /** this-process: we run it; other-process: another m365-connect (the CLI's `bridge run`) does. */
  owner: z.nullable(z.enum(['this-process', 'other-process'])),
  pid: z.nullable(z.number().check(z.int())),
  listeners: z.array(bridgeListenerSchema),
  accounts: z.array(bridgeAccountStatusSchema),
  sessionsOpen: z.number().check(z.int()),
  health: bridgeHealthSchema,
});
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;
