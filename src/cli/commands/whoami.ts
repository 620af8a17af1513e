import type { Command } from 'commander';
import { notSignedIn } from '../../shared/errors/catalogue';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { authService } from '../services';

export function registerWhoami(program: Command, context: CliContext): void {
  const command = program
    .command('whoami')
    .description('Show the signed-in account (exit code 8 when nobody is signed in).')
    .option('--json', 'print {"account": {...}, "cachePersisted": bool}')
    .action(async (options: { json?: boolean }) => {
      const out = context.output(options.json);
      const { account, cachePersisted } = await (await authService(context)).current();
      if (!account) throw notSignedIn();
      if (options.json) return out.result({ ok: true, account, cachePersisted });
      out.table([
        ['User', account.upn],
        ['Name', account.name],
        ['Tenant', account.tenantId],
      ]);
      if (!cachePersisted) out.warn('Tokens are kept in memory only on this computer: the next command will ask you to sign in again.');
    });
  withExamples(command, ['m365-connect whoami', 'm365-connect whoami --json | jq -r .account.upn']);
}
