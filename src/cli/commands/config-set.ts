import type { Command } from 'commander';
import { isMicrosoftOrigin } from '../../main/config/clouds';
import { invalidValue } from '../../main/config/config-errors';
import { checkCaFile, loadConfig } from '../../main/config/load';
import { configKeys, configTextSchemaFor, envNameFor, type ConfigKey } from '../../main/config/schema';
import { saveUserSettings, type SettingsChanges } from '../../main/config/user-settings';
import type { CliContext } from '../context';
import { CliError } from '../cli-errors';
import { withExamples } from '../help';

function configKey(name: string): ConfigKey {
  const key = configKeys.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (!key) {
    throw new CliError(`"${name}" is not a configuration key.`, 'usage', `Use one of: ${configKeys.join(', ')}.`);
  }
  return key;
}

/**
 * Writes one key to the user's settings file (shared with the app), refusing keys the policy
 * locks, then says whether a higher source (policy, environment) still decides the value.
 */
async function change(context: CliContext, key: ConfigKey, changes: SettingsChanges, json: boolean | undefined): Promise<void> {
  const out = context.output(json);
  const before = await context.config();
  if (!before.settingsFile) throw new CliError('There is no settings file location on this system.', 'config-invalid');
  await saveUserSettings({ settingsFile: before.settingsFile, changes, locked: before.locked });
  const after = await loadConfig({ env: context.io.env, settingsFile: before.settingsFile, ...context.policyOptions() });
  const source = after.sources[key];
  const overriddenBy = source === 'policy' ? 'the policy file' : source === 'env' ? `the environment (${envNameFor(key)})` : null;
  if (json) {
    out.result({ ok: true, key, value: after.values[key], source, settingsFile: before.settingsFile });
  } else {
    const value = changes[key];
    out.line(value === null || value === undefined ? `Removed "${key}" from ${before.settingsFile}.` : `Saved ${key} = ${String(value)} in ${before.settingsFile}.`);
  }
  if (overriddenBy) out.warn(`${overriddenBy} sets "${key}" and takes precedence: the effective value is ${String(after.values[key])}.`);
}

export function registerConfigSet(config: Command, context: CliContext): void {
  const set = config
    .command('set')
    .description('Save a configuration value in your settings file (the app uses it too). Locked keys are refused.')
    .argument('<key>', `one of ${configKeys.join(', ')}`)
    .argument('<value>', 'the value; checked as the app would check it')
    .option('--json', 'print {"ok", "key", "value", "source", "settingsFile"}')
    .action(async (name: string, raw: string, options: { json?: boolean }) => {
      const key = configKey(name);
      const parsed = configTextSchemaFor(key).safeParse(raw);
      if (!parsed.success) throw invalidValue(key, 'the command line', parsed.error.issues[0]?.message ?? 'invalid');
      // Checked and made absolute now: a relative or unreadable CA saved here would break every later start.
      const value = key === 'extraCaFile' ? await checkCaFile(String(parsed.data), 'the command line') : parsed.data;
      // Likewise a sign-in or Graph host that only a policy may set.
      if (key === 'authorityHost' || key === 'graphBaseUrl') {
        const { cloud } = (await context.config()).values;
        if (!isMicrosoftOrigin(cloud, key, String(value))) {
          throw invalidValue(key, 'the command line', `must be one of Microsoft's hosts for the ${cloud} cloud; another host can only be set by your organisation's policy file`);
        }
      }
      await change(context, key, { [key]: value }, options.json);
    });
  withExamples(set, [
    'm365-connect config set tenant contoso.com',
    'm365-connect config set clientId 11111111-2222-3333-4444-555555555555',
    'm365-connect config set smtpPort 587 --json',
  ]);

  const unset = config
    .command('unset')
    .description('Remove a value from your settings file, so the default (or the policy) applies.')
    .argument('<key>', `one of ${configKeys.join(', ')}`)
    .option('--json', 'print {"ok", "key", "value", "source", "settingsFile"}')
    .action(async (name: string, options: { json?: boolean }) => {
      const key = configKey(name);
      await change(context, key, { [key]: null }, options.json);
    });
  withExamples(unset, ['m365-connect config unset smtpPort']);
}
