import * as z from '../../shared/zod';
import { listenPortSchema, listenPortTextSchema, portSchema, portTextSchema } from '../../shared/port';
import { guideIds } from '../../shared/readiness/guide-ids';
import { connectRouteSchema } from '../../shared/routes/route';
import { cloudNames } from './clouds';

/**
 * The one configuration schema shared by the app and the CLI. Each key validates the same
 * way whichever source (policy, environment, settings) supplied it.
 */
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domain = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const httpsOrigin = z.pipe(
  z.string().check(
    z.trim(),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.username === '' && url.password === '' && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'must be an https:// URL without credentials, query or fragment'),
  ),
  z.transform((value: string) => value.replace(/\/+$/, '')),
);

/** "true" or "false" as written in the environment or `config set` (also yes/no, on/off, 1/0). */
const booleanTextSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text: string) => text.trim().toLowerCase()),
  ),
  z.pipe(
    z.enum(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0'], { error: 'must be true or false' }),
    z.transform((text) => ['true', 'yes', 'on', '1'].includes(text)),
  ),
);

/** The token cache lives under `<keychainService>.token-cache` (auth/auth-service.ts). */
export const tokenCacheSuffix = '.token-cache';
/** The mail bridge's own keychain service (`<keychainService>-bridge` when keychainService is renamed). */
export const bridgeKeychainService = 'm365-connect-bridge';
export const bridgeKeychainSuffix = '-bridge';

/**
 * Names another part of the app owns: as the app-password service they would let `smtp-test
 * --keychain` send the token cache as a password, or `forget` / `store --replace` destroy it.
 */
export function reservedKeychainService(value: string): boolean {
  const name = value.toLowerCase();
  return (
    name.endsWith(tokenCacheSuffix) ||
    name.endsWith(bridgeKeychainSuffix) ||
    name === bridgeKeychainService ||
    name.startsWith(`${bridgeKeychainService}.`)
  );
}

export const configKeySchemas = {
  clientId: z.string().check(z.trim(), z.regex(guid, 'must be an application (client) ID, a GUID')),
  tenant: z
    .string()
    .check(
      z.trim(),
      z.refine(
        (value) => value === 'organizations' || value === 'common' || guid.test(value) || domain.test(value),
        'must be "organizations", "common", a tenant ID (GUID) or a domain such as contoso.com',
      ),
    ),
  cloud: z.enum(cloudNames, { error: `must be one of ${cloudNames.join(', ')}` }),
  authorityHost: httpsOrigin,
  graphBaseUrl: httpsOrigin,
  smtpHost: z.string().check(z.trim(), z.regex(/^[a-z0-9.-]{1,253}$/i, 'must be a host name or IP address')),
  smtpPort: portSchema,
  imapHost: z.string().check(z.trim(), z.regex(/^[a-z0-9.-]{1,253}$/i, 'must be a host name or IP address')),
  imapPort: portSchema,
  bridgeSmtpPort: listenPortSchema,
  bridgeImapPort: listenPortSchema,
  /** Start the app (and with it the bridge) when the user logs in. */
  bridgeStartAtLogin: z.boolean({ error: 'must be true or false' }),
  extraCaFile: z.string().check(z.trim(), z.minLength(1, 'must be a file path')),
  keychainService: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(64, 'must be at most 64 characters'),
      z.regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit'),
      z.refine(
        (value) => !reservedKeychainService(value),
        `is reserved: "*${tokenCacheSuffix}" holds sign-in tokens and "*${bridgeKeychainSuffix}" the bridge's passwords`,
      ),
    ),
} as const;

export type ConfigKey = keyof typeof configKeySchemas;

/**
 * A value written as text (the environment, `config set`): the key's schema, except where the
 * value is not a string in JSON; those parse the text strictly, then apply the same schema.
 */
const textSchemas: { [K in ConfigKey]?: z.ZodMiniType<z.output<(typeof configKeySchemas)[K]>, string> } = {
  smtpPort: portTextSchema,
  imapPort: portTextSchema,
  bridgeSmtpPort: listenPortTextSchema,
  bridgeImapPort: listenPortTextSchema,
  bridgeStartAtLogin: booleanTextSchema,
};
export const configTextSchemaFor = (key: ConfigKey): z.ZodMiniType => textSchemas[key] ?? configKeySchemas[key];
export const configKeys = Object.keys(configKeySchemas) as ConfigKey[];
export type ConfigValues = { [K in ConfigKey]: z.output<(typeof configKeySchemas)[K]> };

/** M365_CONNECT_ + the key in upper snake case. */
export const envNameFor = (key: ConfigKey): string =>
  `M365_CONNECT_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;

export const policyEnvName = 'M365_CONNECT_POLICY';
/** Asks for the built-in demo tenant (the sandbox) when no client id is configured. */
export const demoEnvName = 'M365_CONNECT_DEMO';

const configKeySchema = z.enum(configKeys as [ConfigKey, ...ConfigKey[]]);

/** A user's settings file: configuration keys only, every one optional. */
export const userSettingsSchema = z.strictObject(
  Object.fromEntries(configKeys.map((key) => [key, z.optional(configKeySchemas[key])])) as {
    [K in ConfigKey]: z.ZodMiniOptional<(typeof configKeySchemas)[K]>;
  },
);
export type UserSettings = { [K in ConfigKey]?: ConfigValues[K] | undefined };

const guideIdSchema = z.enum(guideIds);

/**
 * The machine-wide policy: the same keys, plus what the organisation offers and locks.
 * Strict: an unknown key is a mistake an admin must hear about, not something to ignore.
 */
export const policySchema = z
  .extend(userSettingsSchema, {
    $schema: z.optional(z.string()),
    routesOffered: z.optional(
      z
        .array(connectRouteSchema)
        .check(
          z.minLength(1, 'must offer at least one route'),
          z.refine((routes) => new Set(routes).size === routes.length, 'must not repeat a route'),
        ),
    ),
    shownGuides: z.optional(z.array(guideIdSchema)),
    hiddenGuides: z.optional(z.array(guideIdSchema)),
    locked: z.optional(z.array(configKeySchema)),
  })
  .check(
    z.refine((policy) => !(policy.shownGuides && policy.hiddenGuides), {
      message: 'set either shownGuides or hiddenGuides, not both',
      path: ['shownGuides'],
    }),
  );
export type Policy = z.output<typeof policySchema>;
