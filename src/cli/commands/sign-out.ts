import type { Command } from 'commander';
import type { CliContext } from '../context';
import { jsonCommand } from '../help';
import { authService } from '../services';

export function registerSignOut(program: Command, context: CliContext): void {
  const description = 'Sign out: removes the account and its tokens from this computer (stored app passwords stay; see `forget`).';
  jsonCommand(program, context, { name: 'sign-out', description, json: 'print {"signedOut": bool}', examples: ['m365-connect sign-out'] }, async (options, out) => {
    const signedOut = await (await authService(context)).signOut();
    if (options.json) return out.result({ ok: true, signedOut });
    out.line(signedOut ? 'Signed out.' : 'Nobody was signed in.');
  });
}
