import * as z from '../zod';
import { accountSchema } from '../account';
import { verdictSchema } from '../readiness/verdict';
import { lastTestsSchema } from '../smtp/last-test';
import { smtpMethodSchema, smtpStageSchema, smtpTestResultSchema } from '../smtp/result';
import { bridgeTestResultSchema, bridgeViewSchema } from '../bridge/app-view';
import { connectRouteSchema } from '../routes/route';
import type { EventChannel, InvokeChannel } from './channels';

const empty = z.strictObject({});

/**
 * Every renderer -> main call: request schema, response schema. Requests are strict objects,
 * so unknown keys are rejected instead of silently passed through.
 */
export const contract = {
  'app:info': {
    request: empty,
    response: z.object({
      version: z.string(),
      demoTenant: z.boolean(),
      host: z.enum(['electron', 'chromium-shell']),
      routesOffered: z.array(connectRouteSchema),
      hiddenGuides: z.array(z.string()),
      /** Where users create app passwords: Microsoft's Security info, or the demo tenant's own page. */
      securityInfoUrl: z.string(),
    }),
  },
  'config:get': {
    request: empty,
    response: z.object({
      smtpHost: z.string(),
      smtpPort: z.number().check(z.int()),
      keychainService: z.string(),
      tenant: z.string(),
      cloud: z.string(),
    }),
  },
  'auth:current': {
    request: empty,
    /** Silent sign-in: the cached account, or null. */
    response: z.object({ account: z.nullable(accountSchema), cachePersisted: z.boolean() }),
  },
  'auth:sign-in': {
    request: z.strictObject({ method: z.enum(['browser', 'device-code']), switchAccount: z.optional(z.boolean()) }),
    response: z.object({ account: accountSchema }),
  },
  'auth:cancel': { request: empty, response: z.object({ cancelled: z.boolean() }) },
  'auth:sign-out': { request: empty, response: z.object({ signedOut: z.boolean() }) },
  'readiness:check': { request: empty, response: verdictSchema },
  // The account is the signed-in one, taken in main: the renderer never names it.
  'vault:status': {
    request: empty,
    response: z.object({ stored: z.boolean(), service: z.string(), account: z.string() }),
  },
  'vault:store': {
    request: z.strictObject({ password: z.string().check(z.maxLength(1024)), replace: z.boolean() }),
    response: z.object({
      service: z.string(),
      account: z.string(),
      replaced: z.boolean(),
      warnings: z.array(z.string()),
    }),
  },
  'smtp:test': {
    request: z.strictObject({ method: smtpMethodSchema }),
    response: smtpTestResultSchema,
  },
  /** The signed-in account's last test login per route (cause and time only), for returning users. */
  'smtp:last-tests': { request: empty, response: z.object({ tests: lastTestsSchema }) },
  'shell:open-external': {
    request: z.strictObject({ url: z.string().check(z.maxLength(2048)) }),
    response: z.object({ opened: z.boolean() }),
  },
  'clipboard:copy': {
    /** sensitive: cleared from the clipboard after 30 s if it still holds this text. */
    request: z.strictObject({ text: z.string().check(z.maxLength(4096)), sensitive: z.optional(z.boolean()) }),
    response: z.object({ copied: z.boolean(), clearsAfterSeconds: z.nullable(z.number()) }),
  },
  'report:export': {
    request: z.strictObject({ format: z.enum(['html', 'pdf']) }),
    response: z.object({ savedTo: z.nullable(z.string()) }),
  },
  'guides:export': {
    request: z.strictObject({
      format: z.enum(['html', 'pdf']),
      ids: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(100))),
    }),
    response: z.object({ savedTo: z.nullable(z.string()) }),
  },
  /** The bridge (the local listeners a password-only tool logs in to), as the app shows it. */
  'bridge:status': { request: empty, response: bridgeViewSchema },
  /** Starts this app's bridge, or adopts the one another m365-connect process already runs. */
  'bridge:start': { request: empty, response: bridgeViewSchema },
  'bridge:pause': { request: empty, response: bridgeViewSchema },
  'bridge:resume': { request: empty, response: bridgeViewSchema },
  /**
   * The signed-in account's bridge password, for the Done screen's password field only. No
   * UPN in the request: main takes the account from its own session.
   */
  'bridge:password': { request: empty, response: z.object({ upn: z.string(), password: z.string() }) },
  /** The app logs in through its own bridge on 127.0.0.1 as the tool will, per protocol. */
  'bridge:test': { request: empty, response: z.object({ results: z.array(bridgeTestResultSchema) }) },
  'bridge:start-at-login': {
    request: z.strictObject({ enabled: z.boolean() }),
    response: bridgeViewSchema,
  },
} satisfies Record<InvokeChannel, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export const events = {
  'auth:device-code': z.object({
    userCode: z.string(),
    verificationUri: z.string(),
    expiresAt: z.string(),
    message: z.string(),
  }),
  'auth:progress': z.object({ stage: z.enum(['opening-browser', 'waiting', 'exchanging', 'done']) }),
  'smtp:progress': z.object({ stage: smtpStageSchema, detail: z.string() }),
  /** The bridge's status or health changed (a login failed upstream, sign-in restored it). */
  'bridge:event': bridgeViewSchema,
  /** Main asks the window to show an offline guide (a notification about an admin step was clicked). */
  'guide:open': z.object({ id: z.string().check(z.maxLength(64)) }),
} satisfies Record<EventChannel, z.ZodMiniType>;

export type Contract = typeof contract;
export type Request<C extends InvokeChannel> = z.input<Contract[C]['request']>;
export type ParsedRequest<C extends InvokeChannel> = z.output<Contract[C]['request']>;
export type Response<C extends InvokeChannel> = z.infer<Contract[C]['response']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof events)[E]>;
