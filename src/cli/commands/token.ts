import { Option, type Command } from 'commander';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { authService } from '../services';

/**
 * A credential helper for tools that speak XOAUTH2 themselves (msmtp `passwordeval`, mutt,
 * aerc, getmail): a fresh access token for the signed-in account, and nothing else on stdout.
 */
export function registerToken(program: Command, context: CliContext): void {
  const command = program
    .command('token')
    .description('Print a fresh OAuth access token for SMTP or IMAP (for tools that do XOAUTH2 themselves); exit 8 when that account is not signed in.')
    .requiredOption('--user <upn>', 'the signed-in account (user principal name)')
    .addOption(new Option('--scope <protocol>', 'which service the token is for').choices(['smtp', 'imap']).makeOptionMandatory())
    .option('--sasl', 'print the base64 SASL XOAUTH2 string instead of the bare token')
    .option('--json', 'print {"ok","user","scope","token","expiresOn"}')
    .action(async (options: { user: string; scope: 'smtp' | 'imap'; sasl?: boolean; json?: boolean }) => {
      const auth = await authService(context);
      const token = await auth.acquireAccountToken(options.user, options.scope);
      const user = options.user.trim().toLowerCase();
      let value = token.accessToken;
      if (options.sasl) {
        const { xoauth2 } = await import('../../main/bridge/xoauth2');
        value = xoauth2(user, token.accessToken);
      }
      if (options.json) {
        return context.output(true).result({ ok: true, user, scope: options.scope, [options.sasl ? 'sasl' : 'token']: value, expiresOn: token.expiresOn?.toISOString() ?? null });
      }
      context.io.stdout.write(`${value}\n`);
    });
  withExamples(command, [
    'm365-connect token --user ada@contoso.com --scope smtp',
    'm365-connect token --user ada@contoso.com --scope imap --sasl',
  ]);
}
