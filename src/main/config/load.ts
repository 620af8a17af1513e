import { guideIds, type GuideId } from '../../shared/readiness/guide-ids';
import { defaultRoutesOffered } from '../../shared/routes/route';
import { validateCaFile } from './ca-file';
import { cloudPresets, isMicrosoftOrigin, microsoftHosts, type CloudName } from './clouds';
import { invalidValue } from './config-errors';
import { readJsonFile } from '../files/json-file';
import { machinePolicyPath } from './locations';
import type { ConfigSource, ResolvedConfig, ResolvedKey, ResolvedValues } from './resolved';
import {
  configKeys,
  configTextSchemaFor,
  demoEnvName,
  envNameFor,
  policyEnvName,
  policySchema,
  userSettingsSchema,
  type ConfigKey,
  type ConfigValues,
  type Policy,
  type UserSettings,
} from './schema';

export type LoadConfigOptions = {
  env?: NodeJS.ProcessEnv;
  /** The user's settings file; omitted = no user settings. */
  settingsFile?: string;
  /**
   * A policy for a machine that has none (tests, the demo tenant); otherwise M365_CONNECT_POLICY.
   * The machine-wide policy always wins: where it exists, this one is ignored (and said so).
   */
  policyFile?: string;
  /**
   * Tests only: where the machine-wide policy lives (null = this machine has none). Deliberately
   * not an environment variable, so nothing a user sets can move or switch off the machine policy.
   */
  machinePolicyFile?: string | null;
  /** The caller asked for the demo tenant (e.g. `--demo`); M365_CONNECT_DEMO=1 does the same. */
  demo?: boolean;
  platform?: NodeJS.Platform;
  /**
   * Called once every value is resolved and checked except the extra CA file, whose check parses
   * certificates (node:crypto, milliseconds). `smtp-test` opens its TCP connection here, so the
   * server's greeting travels during that check. Whatever it throws, loadConfig throws; the
   * configuration is still only the promise's result, checked in full.
   */
  beforeCaFileCheck?: (settled: SettledBeforeCaFile) => void;
};

/** What beforeCaFileCheck sees: the values other than the extra CA file, and the locked keys. */
export type SettledBeforeCaFile = { values: Omit<ResolvedValues, 'extraCaFile'>; locked: readonly ConfigKey[] };

const defaults = {
  tenant: 'organizations',
  cloud: 'public',
  smtpPort: 587,
  imapPort: 993,
  bridgeSmtpPort: 1587,
  bridgeImapPort: 1143,
  keychainService: 'm365-connect',
  bridgeStartAtLogin: false,
} as const;

type Layer = { source: Exclude<ConfigSource, 'default'>; label: string; values: UserSettings };

/**
 * Resolves the configuration once: policy > environment > user settings > defaults, each
 * value validated by the one schema, each with its source. Throws AppError('config-invalid')
 * naming the key and where it came from; nothing is returned half-resolved.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  const { policy, policyFile, ignoredPolicyFile } = await readPolicy(options, env, platform);
  const locked = policy?.locked ?? [];
  const settings = options.settingsFile
    ? await readJsonFile('settings', options.settingsFile, userSettingsSchema, { required: false })
    : null;
  const envValues = readEnv(env);

  const ignored: ResolvedConfig['ignored'] = [];
  const layers: Layer[] = [];
  if (policy) layers.push({ source: 'policy', label: `policy file ${policyFile}`, values: pickConfig(policy) });
  layers.push({ source: 'env', label: 'the environment', values: dropLocked(envValues, 'env', locked, ignored) });
  if (settings && options.settingsFile) {
    layers.push({
      source: 'settings',
      label: `settings file ${options.settingsFile}`,
      values: dropLocked(settings, 'settings', locked, ignored),
    });
  }

  const pick = <K extends ConfigKey>(key: K): { value: ConfigValues[K]; source: ConfigSource; label: string } | null => {
    for (const layer of layers) {
      const value = layer.values[key];
      if (value !== undefined) return { value: value as ConfigValues[K], source: layer.source, label: layer.label };
    }
    return null;
  };

  const sources = {} as Record<ResolvedKey, ConfigSource>;
  const take = <K extends ConfigKey>(key: K, fallback: ConfigValues[K], fallbackSource: ConfigSource = 'default') => {
    const found = pick(key);
    sources[key] = found?.source ?? fallbackSource;
    return found?.value ?? fallback;
  };

  const cloud: CloudName = take('cloud', defaults.cloud);
  const preset = cloudPresets[cloud];
  // Preset-derived values come from wherever the cloud choice came from.
  const cloudSource = sources.cloud;
  const extraCa = pick('extraCaFile');
  sources.extraCaFile = extraCa?.source ?? 'default';

  const settled: Omit<ResolvedValues, 'extraCaFile'> = {
    clientId: pick('clientId')?.value ?? null,
    tenant: take('tenant', defaults.tenant),
    cloud,
    authorityHost: take('authorityHost', preset.authorityHost, cloudSource),
    graphBaseUrl: take('graphBaseUrl', preset.graphBaseUrl, cloudSource),
    smtpHost: take('smtpHost', preset.smtpHost, cloudSource),
    smtpPort: take('smtpPort', defaults.smtpPort),
    imapHost: take('imapHost', preset.imapHost, cloudSource),
    imapPort: take('imapPort', defaults.imapPort),
    bridgeSmtpPort: take('bridgeSmtpPort', defaults.bridgeSmtpPort),
    bridgeImapPort: take('bridgeImapPort', defaults.bridgeImapPort),
    keychainService: take('keychainService', defaults.keychainService),
    bridgeStartAtLogin: take('bridgeStartAtLogin', defaults.bridgeStartAtLogin),
    routesOffered: policy?.routesOffered ?? [...defaultRoutesOffered],
    hiddenGuides: hiddenGuidesFrom(policy),
  };
  sources.clientId = pick('clientId')?.source ?? 'default';
  const nonMicrosoftHosts = checkOutboundHosts(settled, sources, pick);
  const uniqueLocked = [...new Set(locked)];
  options.beforeCaFileCheck?.({ values: settled, locked: uniqueLocked });
  // extraCaFile keeps its place among the keys: `config show` lists them in this order.
  const { keychainService, bridgeStartAtLogin, routesOffered, hiddenGuides, ...endpoints } = settled;
  const extraCaFile = extraCa ? await checkCaFile(extraCa.value, extraCa.label) : null;
  const values: ResolvedValues = { ...endpoints, extraCaFile, keychainService, bridgeStartAtLogin, routesOffered, hiddenGuides };
  sources.routesOffered = policy?.routesOffered ? 'policy' : 'default';
  sources.hiddenGuides = policy?.shownGuides || policy?.hiddenGuides ? 'policy' : 'default';

  const demoRequested = options.demo === true || isTruthy(env[demoEnvName]);
  return {
    values,
    sources,
    locked: uniqueLocked,
    // The demo launcher passes the sandbox's app registration through the environment; a
    // client id from settings or a policy is a real tenant, whatever the demo switch says.
    demoTenant: demoRequested && (values.clientId === null || sources.clientId === 'env'),
    smtpScope: preset.smtpScope,
    imapScope: preset.imapScope,
    policyFile,
    ignoredPolicyFile,
    nonMicrosoftHosts,
    settingsFile: options.settingsFile ?? null,
    ignored,
  };
}

/**
 * Sign-in and Graph receive the user's tokens: outside the policy only Microsoft's hosts for the
 * configured cloud are accepted. A policy may name any https host (a test tenant, a proxy), and
 * the result lists those so `config show` can say so. (smtpHost stays open: testing one's own
 * mail server with one's own password is a supported use, and the policy can lock it.)
 */
function checkOutboundHosts(
  values: Pick<ResolvedValues, 'cloud' | 'authorityHost' | 'graphBaseUrl'>,
  sources: Record<ResolvedKey, ConfigSource>,
  pick: (key: 'authorityHost' | 'graphBaseUrl') => { label: string } | null,
): ResolvedConfig['nonMicrosoftHosts'] {
  const found: ResolvedConfig['nonMicrosoftHosts'] = [];
  for (const key of ['authorityHost', 'graphBaseUrl'] as const) {
    if (isMicrosoftOrigin(values.cloud, key, values[key])) continue;
    if (sources[key] === 'policy') {
      found.push({ key, value: values[key] });
      continue;
    }
    const hosts = microsoftHosts[values.cloud][key].map((host) => `https://${host}`).join(' or ');
    throw invalidValue(
      key,
      sources[key] === 'env' ? `environment variable ${envNameFor(key)}` : (pick(key)?.label ?? 'the defaults'),
      `must be ${hosts} for the ${values.cloud} cloud; another host can only be set by your organisation's policy file`,
    );
  }
  return found;
}

async function readPolicy(options: LoadConfigOptions, env: NodeJS.ProcessEnv, platform: NodeJS.Platform) {
  const machineFile = options.machinePolicyFile === undefined ? machinePolicyPath(platform, env) : options.machinePolicyFile;
  const named = options.policyFile ?? nonEmpty(env[policyEnvName]);
  // The machine-wide policy is optional, and when present it is the policy: a user cannot swap it out.
  const machine: Policy | null = machineFile ? await readJsonFile('policy', machineFile, policySchema, { required: false }) : null;
  if (machine) return { policy: machine, policyFile: machineFile, ignoredPolicyFile: named ?? null };
  if (named === undefined) return { policy: null, policyFile: null, ignoredPolicyFile: null };
  // A policy someone named must exist.
  const policy: Policy | null = await readJsonFile('policy', named, policySchema, { required: true });
  return { policy, policyFile: named, ignoredPolicyFile: null };
}

function readEnv(env: NodeJS.ProcessEnv): UserSettings {
  const values: Record<string, unknown> = {};
  for (const key of configKeys) {
    const name = envNameFor(key);
    const raw = nonEmpty(env[name]);
    if (raw === undefined) continue;
    const parsed = configTextSchemaFor(key).safeParse(raw);
    if (!parsed.success) {
      throw invalidValue(key, `environment variable ${name}`, parsed.error.issues[0]?.message ?? 'invalid value');
    }
    values[key] = parsed.data;
  }
  return values as UserSettings;
}

function pickConfig(policy: Policy): UserSettings {
  const values: Record<string, unknown> = {};
  for (const key of configKeys) if (policy[key] !== undefined) values[key] = policy[key];
  return values as UserSettings;
}

function dropLocked(
  values: UserSettings,
  source: 'env' | 'settings',
  locked: readonly ConfigKey[],
  ignored: ResolvedConfig['ignored'],
): UserSettings {
  const kept: Record<string, unknown> = { ...values };
  for (const key of locked) {
    if (kept[key] === undefined) continue;
    delete kept[key];
    ignored.push({ key, source, reason: 'locked by your organisation’s policy' });
  }
  return kept as UserSettings;
}

function hiddenGuidesFrom(policy: Policy | null): GuideId[] {
  if (policy?.hiddenGuides) return [...new Set(policy.hiddenGuides)];
  if (policy?.shownGuides) {
    const shown = new Set(policy.shownGuides);
    return guideIds.filter((id) => !shown.has(id));
  }
  return [];
}

/** The extra CA must be a readable PEM with certificates only: fail now, not mid-TLS. */
export async function checkCaFile(path: string, label: string): Promise<string> {
  const checked = await validateCaFile(path);
  if (!checked.ok) throw invalidValue('extraCaFile', label, checked.problem);
  return checked.absolute;
}

const nonEmpty = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
const isTruthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
