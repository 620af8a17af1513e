import type { Command } from 'commander';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { upnOption } from '../options';
import { vaultService } from '../services';

export function registerForget(program: Command, context: CliContext): void {
  const command = program
    .command('forget')
    .description('Delete the stored app password of an account from the OS keychain (exit 0 also when none was stored).')
    .requiredOption('--user <upn>', 'the account whose app password to delete', upnOption)
    .option('--json', 'print {"removed": bool, "account"}')
    .action(async (options: { user: string; json?: boolean }) => {
      const out = context.output(options.json);
      const vault = await vaultService(context);
      const removed = await vault.forget(options.user);
      const account = vault.accountFor(options.user);
      if (options.json) return out.result({ ok: true, removed, service: vault.service, account });
      out.line(removed ? `Deleted the app password stored for ${account}.` : `No app password was stored for ${account}.`);
    });
  withExamples(command, ['m365-connect forget --user ada@contoso.com']);
}
