import type { Command } from 'commander';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { authService } from '../services';

export function registerSignOut(program: Command, context: CliContext): void {
  const command = program
    .command('sign-out')
    .description('Sign out: removes the account and its tokens from this computer (stored app passwords stay; see `forget`).')
    .option('--json', 'print {"signedOut": bool}')
    .action(async (options: { json?: boolean }) => {
      const out = context.output(options.json);
      const signedOut = await (await authService(context)).signOut();
      if (options.json) return out.result({ ok: true, signedOut });
      out.line(signedOut ? 'Signed out.' : 'Nobody was signed in.');
    });
  withExamples(command, ['m365-connect sign-out']);
}
