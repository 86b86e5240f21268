import type { Command } from 'commander';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { withDatabase } from '../runtime.ts';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Áp dụng các migration còn thiếu cho cơ sở dữ liệu')
    .action(async () => {
      await withDatabase(
        async (database) => {
          const applied = await migrateToLatest(database.db as never);
          console.log(
            applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
          );
        },
        { migrate: false },
      );
    });
}
