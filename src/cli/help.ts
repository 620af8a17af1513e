import type { Command } from 'commander';
import { exitCodeHelp } from './exit-codes';

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
