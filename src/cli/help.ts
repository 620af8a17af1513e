import type { Command } from 'commander';
import { exitCodeHelp } from './exit-codes';
import type { CliContext } from './context';
import type { Output } from './output';

/** Every command's --help ends with examples people can copy. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`);
}

export const rootHelpEpilogue = `
Output:
  --json prints exactly one JSON document on stdout (errors too: {"ok": false, "error": {...}}).
  Progress, warnings and errors go to stderr. Colours only on a terminal, never with NO_COLOR.
  Nothing is ever prompted for when stdin is not a terminal: the command fails with exit code 2.

Exit codes:
${exitCodeHelp.map(([code, text]) => `  ${String(code).padStart(3)}  ${text}`).join('\n')}

Configuration (policy file > environment > settings file > defaults; see \`config show\`):
  M365_CONNECT_POLICY, M365_CONNECT_CLIENT_ID, M365_CONNECT_TENANT, M365_CONNECT_AUTHORITY_HOST,
  M365_CONNECT_GRAPH_BASE_URL, M365_CONNECT_SMTP_HOST, M365_CONNECT_SMTP_PORT,
  M365_CONNECT_EXTRA_CA_FILE, M365_CONNECT_KEYCHAIN_SERVICE, NO_COLOR
`;

/**
 * The shape most commands share: a subcommand with a description, `--json` (whose help says
 * what it prints), examples, and an action that gets its options and the output to write to.
 */
export function jsonCommand<O extends { json?: boolean }>(
  parent: Command,
  context: CliContext,
  spec: { name: string; description: string; json: string; examples: readonly string[]; options?: (command: Command) => Command },
  action: (options: O, out: Output) => Promise<unknown>,
): Command {
  const command = (spec.options ?? ((c: Command) => c))(parent.command(spec.name).description(spec.description))
    .option('--json', spec.json)
    .action(async (options: O) => {
      await action(options, context.output(options.json));
    });
  return withExamples(command, spec.examples);
}
