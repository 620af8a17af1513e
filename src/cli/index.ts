import { Command } from 'commander';

const program = new Command('m365-connect').description('Get a Microsoft 365 account ready for a backup or migration tool.');
program.parse();
