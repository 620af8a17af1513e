import { Command, CommanderError } from 'commander';
import { displaySafeText } from '../shared/text/display-safe';
import { CliContext } from './context';
import { toReported } from './cli-errors';
import { closeServices } from './services';
import { exitCodes } from './exit-codes';
import { rootHelpEpilogue, withExamples } from './help';
import type { CliIo } from './io';
import { Output } from './output';
import { version } from './version';

/** Registers one command on the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

export function createProgram(context: CliContext, commands: readonly RegisterCommand[]): Command {
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

  for (const register of commands) register(program, context);
  // Subcommands inherit the output settings and the usage-error behaviour.
  program.commands.forEach(function inherit(command: Command) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(add --help for usage and examples)');
    command.commands.forEach(inherit);
  });
  return program;
}

/** Runs the CLI with these commands; resolves to the exit code (never calls process.exit itself). */
export async function runProgram(argv: readonly string[], io: CliIo, commands: readonly RegisterCommand[]): Promise<number> {
  const context = new CliContext(io);
  const program = createProgram(context, commands);
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
