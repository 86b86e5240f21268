import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { hasAnyUnit, type SeedProgress, seedDemo } from '../../src/demo/index.ts';
import { withDatabase } from '../runtime.ts';

interface SeedDemoOptions {
  seed: number;
  students?: number;
  reset?: boolean;
  yes?: boolean;
}

const integer = (value: string) => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`"${value}" không phải số nguyên không âm.`);
  return n;
};

export function seedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('Tạo dữ liệu mẫu: một sở, hai phòng, các trường và tài khoản mẫu (mật khẩu truongso-demo)')
    .option('--seed <n>', 'hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu', integer, 1)
    .option('--students <n>', 'mở rộng thành cả tỉnh với khoảng n học sinh (ví dụ 300000)', integer)
    .option('--reset', 'xoá TOÀN BỘ dữ liệu hiện có rồi tạo lại')
    .option('--yes', 'không hỏi xác nhận khi dùng --reset')
    .action(async (options: SeedDemoOptions) => {
      await withDatabase(async (database) => {
        // seedDemo refuses a database with data unless told to reset; a reset is confirmed first.
        if (options.reset && !options.yes && (await hasAnyUnit(database.db)) && !(await confirmReset())) {
          console.log('Đã huỷ, không thay đổi gì.');
          return;
        }
        const progress = progressPrinter();
        const summary = await seedDemo(database.db, {
          seed: options.seed,
          students: options.students,
          reset: options.reset,
          onProgress: progress,
        });
        progress.done();
        const seconds = summary.elapsedMs / 1000;
        console.log(
          `Đã tạo ${summary.schools} trường, ${number(summary.attending)} học sinh đang học, ${number(summary.totalRows)} dòng trong ${seconds.toFixed(1)} s (${number(summary.totalRows / seconds)} dòng/s).`,
        );
      });
    });
}

async function confirmReset(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new Error('--reset xoá toàn bộ dữ liệu: chạy trong terminal để xác nhận, hoặc thêm --yes.');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Xoá TOÀN BỘ dữ liệu trong cơ sở dữ liệu này? Gõ "xoa" để xác nhận: ');
  prompt.close();
  return answer.trim().toLowerCase() === 'xoa';
}

const number = (n: number) => Math.round(n).toLocaleString('vi-VN');

/** Prints progress at most once a second (on one line in a terminal). */
function progressPrinter() {
  let last = 0;
  const tty = process.stdout.isTTY;
  const print = (p: SeedProgress) => {
    if (p.elapsedMs - last < (tty ? 1000 : 5000)) return;
    last = p.elapsedMs;
    const rate = p.rows / (p.elapsedMs / 1000);
    const line = `  ${number(p.attending)} / ${number(p.target)} học sinh · ${p.schools} trường · ${number(p.rows)} dòng · ${number(rate)} dòng/s`;
    if (tty) process.stdout.write(`\r${line}   `);
    else console.log(line);
  };
  return Object.assign(print, { done: () => tty && last > 0 && process.stdout.write('\n') });
}
