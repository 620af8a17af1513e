import { processIo } from './io';
import { runCli } from './program';

// The bin entry. Exit explicitly once stdout and stderr have drained: a keep-alive socket or
// an abandoned prefetch must not hold the process open after the answer is out.
const exitWhenDrained = (code: number) => {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
};

runCli(process.argv.slice(2), processIo()).then(exitWhenDrained, (error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitWhenDrained(1);
});
