import { registerSmtpTest } from '../commands/smtp-test';
import type { CliIo } from '../io';
import { runProgram } from '../run-program';

/**
 * `smtp-test` alone (out/cli/programs/smtp-test.js): scripts run it in loops and wait on it, so
 * it loads none of the other commands' code. index.ts picks it when it is the command.
 */
export const runCli = (argv: readonly string[], io: CliIo): Promise<number> => runProgram(argv, io, [registerSmtpTest]);
