import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { processIo } from './io';
import { loadProgram } from './load-program';
import { setV8Flags, v8FlagsFor } from './v8-flags';
import { version } from './version';

// The bin entry. Exit explicitly once stdout and stderr have drained: a keep-alive socket or
// an abandoned prefetch must not hold the process open after the answer is out.
const exitWhenDrained = (code: number) => {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
};

/**
 * A command with a bundle of its own (src/cli/programs/) loads only its code; any other first
 * word, help included, loads the whole CLI, which also words the errors for unknown commands.
 */
function programFor(command: string | undefined): string {
  const own = command !== undefined && /^[a-z][a-z-]*$/.test(command) ? join(__dirname, 'programs', `${command}.js`) : null;
  return own !== null && existsSync(own) ? own : join(__dirname, 'program.js');
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints for it, without loading the commands (scripts call this to probe).
  process.stdout.write(`${version}\n`);
  exitWhenDrained(0);
} else {
  // Before anything is allocated: the young generation's size is decided early (v8-flags.ts).
  const v8Flags = v8FlagsFor(argv);
  setV8Flags(v8Flags);
  // The commands and everything they bundle, loaded only now (scripts/build-cli.mjs).
  const { program, saveCache } = loadProgram(programFor(argv[0]), process.env, v8Flags);
  program.runCli(argv, processIo()).then(
    (code) => {
      saveCache();
      exitWhenDrained(code);
    },
    (error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      exitWhenDrained(1);
    },
  );
}
