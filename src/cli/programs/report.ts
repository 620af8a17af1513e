import { registerReport } from '../commands/report';
import type { CliIo } from '../io';
import { runProgram } from '../run-program';

/**
 * `report` alone (out/cli/programs/report.js): its start-up is part of every report's time, so it
 * loads none of the other commands' code. index.ts picks it when it is the command.
 */
export const runCli = (argv: readonly string[], io: CliIo): Promise<number> => runProgram(argv, io, [registerReport]);
