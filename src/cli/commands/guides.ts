import type { Command } from 'commander';
import type { CliContext } from '../context';

export function registerGuides(program: Command, _context: CliContext): void {
  program.command('guides').description('The offline guides (pending the guide data).');
}
