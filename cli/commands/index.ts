import type { Command } from 'commander';
import { migrateCommand } from './migrate.ts';
import { startCommand } from './start.ts';
import { userCommand } from './user.ts';

export function registerCommands(program: Command): void {
  startCommand(program);
  migrateCommand(program);
  userCommand(program);
}
