import type { Command } from 'commander';
import { notSignedIn } from '../../shared/errors/catalogue';
import type { CliContext } from '../context';
import { jsonCommand } from '../help';
import { authService } from '../services';

export function registerWhoami(program: Command, context: CliContext): void {
  const description = 'Show the signed-in account (exit code 8 when nobody is signed in).';
  const examples = ['m365-connect whoami', 'm365-connect whoami --json | jq -r .account.upn'];
  jsonCommand<{ json?: boolean }>(program, context, { name: 'whoami', description, json: 'print {"account": {...}, "cachePersisted": bool}', examples }, async (options, out) => {
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
}
