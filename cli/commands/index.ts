import type { Command } from 'commander';
import { backupCommand } from './backup.ts';
import { benchCommand } from './bench.ts';
import { importExportCommands } from './imports.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { startCommand } from './start.ts';
import { userCommand } from './user.ts';

export function registerCommands(program: Command): void {
  startCommand(program);
  migrateCommand(program);
  userCommand(program);
  seedDemoCommand(program);
  backupCommand(program);
  restoreCommand(program);
  benchCommand(program);
  importExportCommands(program);
}
