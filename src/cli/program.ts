import type { CliIo } from './io';
import { registerBridge } from './commands/bridge';
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
import { runProgram, type RegisterCommand } from './run-program';

/** Every command, in the order `--help` lists them. */
export const allCommands: readonly RegisterCommand[] = [
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
];

/** The whole CLI (out/cli/program.js); resolves to the exit code. */
export const runCli = (argv: readonly string[], io: CliIo): Promise<number> => runProgram(argv, io, allCommands);
