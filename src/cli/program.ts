import { Command, CommanderError } from 'commander';
import { registerBridge } from './commands/bridge';
import { displaySafeText } from '../shared/text/display-safe';
import { registerCheck } from './commands/check';
import { registerConfig } from './commands/config';
import { registerForget } from './commands/forget';
import { registerGuides } from './commands/guides';
import { registerReport } from './commands/report';
import { registerSignIn } from './commands/sign-in';
import { registerSignOut } from './commands/sign-out';
import { registerSmtpTest } from './commands/smtp-test';
import { registerStatus } from './commands/status';
import { registerStore } from './commands/store';
import { registerToken } from './commands/token';
import { registerWhoami } from './commands/whoami';
import { CliContext } from './context';
import { toReported } from './cli-errors';
import { closeServices } from './services';
import { exitCodes } from './exit-codes';
import { rootHelpEpilogue, withExamples } from './help';
import type { CliIo } from './io';
import { Output } from './output';
import { version } from './version';

export function createProgram(context: CliContext): Command {
  const program = new Command('m365-connect')
    .description('Get a Microsoft 365 account ready for a backup or migration tool: sign-in, MFA readiness, app password in the OS keychain, SMTP AUTH test login.')
    .version(version, '-V, --version')
    .showHelpAfterError('(add --help for usage and examples)')
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      // Commander quotes the rejected argument: a hostile --user must not reach the terminal raw.
      outputError: (text, write) => write(displaySafeText(text)),
    })
    .exitOverride()
    .addHelpText('after', rootHelpEpilogue);
  withExamples(program, [
    'm365-connect sign-in --device-code',
    'm365-connect check --json',
    'printf %s "$APP_PASSWORD" | m365-connect store --user ada@contoso.com --password-stdin',
    'm365-connect smtp-test --user ada@contoso.com --keychain',
    'm365-connect report --out mfa.csv',
  ]);

  for (const register of [
    registerSignIn,
    registerSignOut,
    registerWhoami,
    registerCheck,
    registerSmtpTest,
    registerStore,
    registerForget,
    registerStatus,
    registerGuides,
    registerConfig,
    registerReport,
    registerBridge,
    registerToken,
  ]) {
    register(program, context);
  }
  // Subcommands inherit the output settings and the usage-error behaviour.
  program.commands.forEach(function inherit(command: Command) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(add --help for usage and examples)');
    command.commands.forEach(inherit);
  });
  return program;
}

/** Runs the CLI; resolves to the exit code (never calls process.exit itself). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context = new CliContext(io);
  const program = createProgram(context);
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return exitCodes.ok;
      }
      // Commander has already printed the message to stderr.
      if (json) new Output(io, true).result({ ok: false, error: { code: 'usage', message: error.message.replace(/^error: /, ''), exitCode: exitCodes.usage } });
      return exitCodes.usage;
    }
    const reported = toReported(error);
    new Output(io, json).error(reported);
    return reported.exitCode;
  } finally {
    await closeServices(context);
  }
}
