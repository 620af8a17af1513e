import type { Command } from 'commander';
import type { ResolvedConfig, ResolvedKey } from '../../main/config';
import type { CliContext } from '../context';
import { jsonCommand, withExamples } from '../help';
import { registerConfigSet } from './config-set';

const describeValue = (value: unknown): string =>
  value === null ? '(not set)' : Array.isArray(value) ? (value.length === 0 ? '(none)' : value.join(', ')) : String(value);

/** The JSON form of `config show`: every effective value with where it came from. */
export function configDocument(config: ResolvedConfig) {
  const keys = Object.keys(config.values) as ResolvedKey[];
  return {
    values: config.values,
    sources: config.sources,
    locked: config.locked,
    ignored: config.ignored,
    policyFile: config.policyFile,
    ignoredPolicyFile: config.ignoredPolicyFile,
    nonMicrosoftHosts: config.nonMicrosoftHosts,
    settingsFile: config.settingsFile,
    demoTenant: config.demoTenant,
    keys: keys.map((key) => ({
      key,
      value: config.values[key],
      source: config.sources[key],
      locked: (config.locked as string[]).includes(key),
    })),
  };
}

export function registerConfig(program: Command, context: CliContext): void {
  const config = program.command('config').description('Show the effective configuration, or change your own settings.');
  withExamples(config, ['m365-connect config show', 'M365_CONNECT_POLICY=./policy.json m365-connect config show --json', 'm365-connect config set tenant contoso.com']);

  const description = 'Print the effective configuration and where each value came from (policy, env, settings, default).';
  const examples = ['m365-connect config show', 'm365-connect config show --json | jq .sources'];
  jsonCommand<{ json?: boolean }>(config, context, { name: 'show', description, json: 'print one JSON object', examples }, async (options, out) => {
    const resolved = await context.config();
    const document = configDocument(resolved);
    if (options.json) return out.result(document);
    out.table(
      document.keys.map(({ key, value, source, locked }) => [
        key,
        `${describeValue(value)}  ${out.color.dim(`(${source}${locked ? ', locked' : ''})`)}`,
      ]),
    );
    out.line();
    out.line(`Policy file:   ${resolved.policyFile ?? '(none)'}`);
    out.line(`Settings file: ${resolved.settingsFile ?? '(none)'}`);
    if (resolved.ignoredPolicyFile) {
      out.warn(`The policy file ${resolved.ignoredPolicyFile} was ignored: this computer's own policy (${resolved.policyFile}) applies.`);
    }
    for (const { key, value } of resolved.nonMicrosoftHosts) {
      out.warn(`"${key}" is ${value}, not a Microsoft host for the ${resolved.values.cloud} cloud: set by the policy file ${resolved.policyFile}.`);
    }
    for (const ignored of resolved.ignored) {
      out.warn(`"${ignored.key}" from ${ignored.source === 'env' ? 'the environment' : 'the settings file'} was ignored: ${ignored.reason}.`);
    }
  });
  registerConfigSet(config, context);
}
