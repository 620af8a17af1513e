import type { Command } from 'commander';
import { isAppError } from '../../shared/ipc/app-error';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { upnOption } from '../options';
import { vaultService } from '../services';
import { confirm, promptSecret, readAllStdin, requireTerminal } from '../stdin';

type StoreOptions = { user: string; passwordStdin?: boolean; replace?: boolean; json?: boolean };

export function registerStore(program: Command, context: CliContext): void {
  const command = program
    .command('store')
    .description('Store an app password in the OS keychain (service "m365-connect", account = the UPN in lower case).')
    .requiredOption('--user <upn>', 'the account the app password belongs to', upnOption)
    .option('--password-stdin', 'read the app password from stdin (otherwise you are asked on the terminal)')
    .option('--replace', 'replace an app password already stored for this account')
    .option('--json', 'print {"service","account","replaced","warnings"}')
    .action(async (options: StoreOptions) => {
      const out = context.output(options.json);
      const interactive = !options.passwordStdin;
      if (interactive) {
        requireTerminal(context.io, 'Storing an app password', 'Pipe it in with --password-stdin, for example: printf %s "$APP_PASSWORD" | m365-connect store --user ada@contoso.com --password-stdin');
      }
      const password = options.passwordStdin
        ? await readAllStdin(context.io, 'the app password')
        : await promptSecret(context.io, `App password for ${options.user}: `);
      const vault = await vaultService(context);
      let replace = options.replace === true;
      let result;
      try {
        result = await vault.store(options.user, password, { replace });
      } catch (error) {
        // Replacing needs a yes: --replace, or the person at the terminal says so.
        if (!(isAppError(error) && error.code === 'already-stored' && interactive && !replace)) throw error;
        replace = await confirm(context.io, `An app password is already stored for ${vault.accountFor(options.user)}. Replace it?`);
        if (!replace) {
          out.note('Kept the stored app password.');
          return;
        }
        result = await vault.store(options.user, password, { replace });
      }
      for (const warning of result.warnings) out.warn(warning);
      if (options.json) return out.result({ ok: true, ...result });
      out.line(
        `${result.replaced ? 'Replaced' : 'Stored'} the app password for ${result.account} in the keychain (service "${result.service}").`,
      );
    });
  withExamples(command, [
    'm365-connect store --user ada@contoso.com',
    'printf %s "$APP_PASSWORD" | m365-connect store --user ada@contoso.com --password-stdin',
    'm365-connect store --user ada@contoso.com --password-stdin --replace < password.txt',
  ]);
}
