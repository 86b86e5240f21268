import path from 'node:path';
import type { Command } from 'commander';
import { writeBackup } from '../../src/platform/db/backup.ts';
import { withDatabase } from '../runtime.ts';

export function backupCommand(program: Command): void {
  program
    .command('backup')
    .description('Sao lưu toàn bộ dữ liệu ra một tệp (.jsonl.gz) khôi phục được trên PGlite hoặc PostgreSQL')
    .argument('<file>', 'tệp sao lưu sẽ tạo, ví dụ truongso-2025-09-30.jsonl.gz')
    .action(async (file: string) => {
      await withDatabase(async (database) => {
        const started = performance.now();
        const tables = await writeBackup(database.db as never, path.resolve(file), ({ table, rows }) =>
          console.log(`  ${table.padEnd(28)} ${rows.toLocaleString('vi-VN')} dòng`),
        );
        const rows = tables.reduce((sum, t) => sum + t.rows, 0);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Đã sao lưu ${tables.length} bảng, ${rows.toLocaleString('vi-VN')} dòng vào ${file} (${seconds} s).`,
        );
      });
    });
}
