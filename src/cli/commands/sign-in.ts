import type { Command } from 'commander';
import type { CliContext } from '../context';
import { withExamples } from '../help';
import { authService } from '../services';

export function registerSignIn(program: Command, context: CliContext): void {
  const command = program
    .command('sign-in')
    .description('Sign in to Microsoft 365 (system browser, or a device code for SSH sessions and headless machines).')
    .option('--device-code', 'sign in on another device: prints a code to enter at the Microsoft page')
    .option('--switch-account', 'sign in as someone else even if an account is already signed in')
    .option('--json', 'print the signed-in account as JSON')
    .action(async (options: { deviceCode?: boolean; switchAccount?: boolean; json?: boolean }) => {
      const out = context.output(options.json);
      const auth = await authService(context);
      const onSigint = () => auth.cancel();
      process.once('SIGINT', onSigint);
      try {
        const account = await auth.signIn({
          method: options.deviceCode ? 'device-code' : 'browser',
          ...(options.switchAccount ? { switchAccount: true } : {}),
          onDeviceCode: (info) => {
            const expires = new Date(info.expiresAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
            out.note(`To sign in, open ${info.verificationUri} and enter the code ${info.userCode} (valid until ${expires}).`);
          },
          onProgress: (stage) => {
            if (stage === 'waiting' && !options.deviceCode) out.note('Waiting for you to finish signing in in the browser…');
          },
        });
        if (auth.cacheNotice) out.warn(auth.cacheNotice);
        if (options.json) return out.result({ ok: true, account, cachePersisted: auth.cacheNotice === null });
        out.line(`Signed in as ${account.upn} (${account.name}).`);
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    });
  withExamples(command, ['m365-connect sign-in', 'm365-connect sign-in --device-code', 'm365-connect sign-in --switch-account --json']);
}
