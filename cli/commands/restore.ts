import path from 'node:path';
import type { Command } from 'commander';
import { restoreIntoDatabase } from '../../src/platform/db/backup.ts';
import { withDatabase } from '../runtime.ts';

export function restoreCommand(program: Command): void {
  program
    .command('restore')
    .description('Khôi phục dữ liệu từ tệp sao lưu vào cơ sở dữ liệu trống (PGlite hoặc PostgreSQL)')
    .argument('<file>', 'tệp sao lưu (.jsonl.gz) do lệnh backup tạo')
    .option('--force', 'xoá toàn bộ dữ liệu đang có rồi khôi phục')
    .action(async (file: string, options: { force?: boolean }) => {
      // Not migrated on open: a fresh database is migrated to the backup's own version first (see backup.ts).
      await withDatabase(
        async (database) => {
          const started = performance.now();
          const { tables, migratedAfter } = await restoreIntoDatabase(
            database.db as never,
            path.resolve(file),
            {
              force: options.force,
              onTable: ({ table, rows }) =>
                console.log(`  ${table.padEnd(28)} ${rows.toLocaleString('vi-VN')} dòng`),
            },
          );
          const rows = tables.reduce((sum, t) => sum + t.rows, 0);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(
            `Đã khôi phục ${tables.length} bảng, ${rows.toLocaleString('vi-VN')} dòng (${seconds} s).`,
          );
          if (migratedAfter.length) console.log(`Đã nâng cấp sau khôi phục: ${migratedAfter.join(', ')}`);
        },
        { migrate: false },
      );
    });
}
