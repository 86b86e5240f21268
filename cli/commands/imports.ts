import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { ImportMode } from '#contracts/imports.ts';
import { exportList, importFile } from '../../src/features/imports/service.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { RowError } from '../../src/platform/imports/kinds.ts';
import { registerAllFeatures } from '../../src/server.ts';
import { withDatabase } from '../runtime.ts';
import { cliContext } from './user.ts';

export interface TransferOptions {
  kind: string;
  file: string;
  unit: string;
  /** Import only: `upsert` updates the records rows match (`--update`); default `create`. */
  mode?: ImportMode;
}

/** Where the command writes: the terminal, or a collector in tests. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export function importExportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'Nhập danh sách từ tệp Excel (.xlsx theo mẫu): staff, students hoặc classes; có lỗi thì không ghi gì',
    )
    .argument('<kind>', 'loại dữ liệu: staff (cán bộ), students (học sinh), classes (lớp học)')
    .argument('<file>', 'tệp .xlsx')
    .requiredOption('--unit <code>', 'mã trường nhận dữ liệu')
    .option(
      '--update',
      'thêm mới và cập nhật: dòng khớp với hồ sơ đã có (học sinh) sửa hồ sơ đó thay vì báo trùng',
    )
    .action(async (kind: string, file: string, options: { unit: string; update?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const mode = options.update ? 'upsert' : 'create';
        const ok = await importFromCli(db, { kind, file, unit: options.unit, mode }, console);
        if (!ok) process.exitCode = 1;
      });
    });
  program
    .command('export')
    .description('Xuất danh sách hiện tại ra tệp Excel (.xlsx) đọc lại được bằng lệnh import')
    .argument('<kind>', 'loại dữ liệu: staff, students hoặc classes')
    .argument('<file>', 'tệp .xlsx sẽ ghi')
    .requiredOption('--unit <code>', 'mã trường')
    .action(async (kind: string, file: string, options: { unit: string }) => {
      await withDatabase(async ({ db }) => {
        const count = await exportFromCli(db, { kind, file, unit: options.unit });
        console.log(`Đã xuất ${count} dòng ra ${file}.`);
      });
    });
}

async function unitIdOf(db: Kysely<DB>, code: string): Promise<string> {
  const unit = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
  if (!unit) throw new Error(`Không có đơn vị mã "${code}".`);
  return unit.id;
}

/**
 * Imports a file as the system (the operator has the server): every row through the features' services in one
 * transaction. Prints each error as "Dòng n, cột …" and returns false when there was any; nothing is written then.
 */
export async function importFromCli(db: Kysely<DB>, options: TransferOptions, out: Output): Promise<boolean> {
  registerAllFeatures();
  const unitId = await unitIdOf(db, options.unit);
  const content = await fs.readFile(options.file);
  let shown = -1;
  try {
    const result = await importFile(
      cliContext(db),
      { unitId, kind: options.kind, mode: options.mode, fileName: path.basename(options.file), content },
      {
        report: async (done, total) => {
          if (total === 0) return;
          const percent = Math.floor((done * 100) / total);
          if (percent >= shown + 10 || done === total) {
            shown = percent;
            out.error(`Đang ghi ${done}/${total} dòng (${percent}%)`);
          }
        },
      },
    );
    out.log(
      result.mode === 'upsert'
        ? `Đã thêm ${result.created}, cập nhật ${result.updated} hồ sơ (${result.unchanged} không đổi) ở đơn vị ${options.unit}.`
        : `Đã nhập ${result.created} dòng vào đơn vị ${options.unit}.`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const errors = (error.details as { errors?: RowError[] } | undefined)?.errors ?? [];
    for (const e of errors) out.error(describeRowError(e));
    out.error(error.message);
    return false;
  }
}

export function describeRowError(e: RowError): string {
  const where = [e.row === null ? 'Tệp' : `Dòng ${e.row}`, e.column ? `cột "${e.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${e.message}`;
}

export async function exportFromCli(db: Kysely<DB>, options: TransferOptions): Promise<number> {
  registerAllFeatures();
  const unitId = await unitIdOf(db, options.unit);
  const exported = await exportList(cliContext(db), unitId, options.kind);
  await fs.writeFile(options.file, exported.content);
  return exported.count;
}
