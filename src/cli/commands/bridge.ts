import type { Command } from 'commander';
import type { BridgeStatus } from '../../shared/bridge/status';
import type { CliContext } from '../context';
import { CliError } from '../cli-errors';
import { withExamples } from '../help';
import { listenPortTextSchema } from '../../shared/port';
import { fromSchema } from '../options';
import { bridgeService } from '../services';
import { registerBridgeInstallService } from './bridge-install-service';

/**
 * `m365-connect bridge ...`: the local bridge that lets a tool which only knows "server, user,
 * password" reach Microsoft 365 with OAuth (SASL XOAUTH2) after Basic auth is retired.
 */
export function registerBridge(program: Command, context: CliContext): void {
  const bridge = program
    .command('bridge')
    .description('Run the local bridge for password-only mail tools (SMTP and IMAP on 127.0.0.1, OAuth to Microsoft 365).');
  withExamples(bridge, ['m365-connect bridge password --user ada@contoso.com', 'm365-connect bridge run', 'm365-connect bridge status --json']);

  const run = bridge
    .command('run')
    .description('Run the bridge in the foreground until Ctrl+C or SIGTERM; prints "smtp 127.0.0.1:PORT" and "imap 127.0.0.1:PORT" when ready.')
    .option('--smtp-port <port>', 'local SMTP port (default: bridgeSmtpPort, 1587; 0 = any free port)', fromSchema('--smtp-port', listenPortTextSchema))
    .option('--imap-port <port>', 'local IMAP port (default: bridgeImapPort, 1143; 0 = any free port)', fromSchema('--imap-port', listenPortTextSchema))
    .option('--json', 'print one line {"smtp":{"host","port"},"imap":{"host","port"}} when ready')
    .action(async (options: { smtpPort?: number; imapPort?: number; json?: boolean }) => {
      const out = context.output(options.json);
      const service = await bridgeService(context, (line) => out.note(`bridge: ${line}`));
      const status = await service.start({
        ...(options.smtpPort !== undefined ? { smtpPort: options.smtpPort } : {}),
        ...(options.imapPort !== undefined ? { imapPort: options.imapPort } : {}),
      });
      if (status.owner === 'other-process') {
        throw new CliError(
          `Your bridge already runs in another process (pid ${status.pid ?? '?'}${listenersText(status)}).`,
          'bridge-already-running',
          'Use that one (`m365-connect bridge status`), or stop it first.',
        );
      }
      const address = (protocol: 'smtp' | 'imap') => {
        const listener = status.listeners.find((l) => l.protocol === protocol)!;
        return { host: listener.host, port: listener.port };
      };
      if (options.json) context.io.stdout.write(`${JSON.stringify({ smtp: address('smtp'), imap: address('imap') })}\n`);
      else for (const protocol of ['smtp', 'imap'] as const) context.io.stdout.write(`${protocol} ${address(protocol).host}:${address(protocol).port}\n`);
      await untilSignalled();
      await service.stop();
    });
  withExamples(run, ['m365-connect bridge run', 'm365-connect bridge run --smtp-port 0 --imap-port 0 --json']);

  const password = bridge
    .command('password')
    .description("Print the account's bridge password (created on first use, kept in the OS keychain): the password your tool uses for 127.0.0.1.")
    .requiredOption('--user <upn>', 'the signed-in account (user principal name)')
    .option('--rotate', 'replace it with a new one (tools using the old one stop working)')
    .option('--json', 'print {"ok","user","password","rotated"}')
    .action(async (options: { user: string; rotate?: boolean; json?: boolean }) => {
      const service = await bridgeService(context);
      const secret = await service.password(options.user, { rotate: options.rotate === true });
      if (options.json) return context.output(true).result({ ok: true, user: options.user.trim().toLowerCase(), password: secret, rotated: options.rotate === true });
      context.io.stdout.write(`${secret}\n`);
    });
  withExamples(password, ['m365-connect bridge password --user ada@contoso.com', 'm365-connect bridge password --user ada@contoso.com --rotate']);

  const status = bridge
    .command('status')
    .description('Whether the bridge runs, where it listens, and per account: sessions open and the last error.')
    .option('--json', 'print {"ok", "state", "owner", "pid", "listeners", "accounts", "sessionsOpen", "health"}')
    .action(async (options: { json?: boolean }) => {
      const out = context.output(options.json);
      const { readBridgeState } = await import('../../main/bridge/bridge-lock');
      const current = await readBridgeState(context.userDataDir);
      if (options.json) return out.result({ ok: true, ...current });
      if (current.state === 'stopped') {
        out.line('The bridge is not running. Start it with `m365-connect bridge run`.');
        return;
      }
      out.table([
        ['State', `${current.state} (pid ${current.pid ?? '?'})`],
        ...current.listeners.map((l): [string, string] => [l.protocol.toUpperCase(), `${l.host}:${l.port} (STARTTLS offered)`]),
        ['Sessions', String(current.sessionsOpen)],
        ['Health', current.health],
      ]);
      for (const account of current.accounts) {
        const error = account.lastError ? `last error ${account.lastError.cause} (${account.lastError.protocol}, ${account.lastError.at}): ${account.lastError.message}` : 'no error';
        out.line(`  ${account.upn}: ${account.sessionsOpen} open, ${error}`);
      }
    });
  withExamples(status, ['m365-connect bridge status', 'm365-connect bridge status --json | jq .health']);

  registerBridgeInstallService(bridge, context);
}

function listenersText(status: BridgeStatus): string {
  return status.listeners.map((l) => `, ${l.protocol} ${l.host}:${l.port}`).join('');
}

/** Resolves on the first SIGINT or SIGTERM (a service manager stops us with SIGTERM). */
function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
