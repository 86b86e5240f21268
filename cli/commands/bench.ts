import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench');

/** A benchmark is a module bench/<name>.ts exporting `run(args)`; helpers (bench/lib/) are not benchmarks. */
export interface Benchmark {
  run(args: string[]): Promise<void>;
}

function benchmarkNames(): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

export function benchCommand(program: Command): void {
  program
    .command('bench')
    .description('Đo hiệu năng, in số liệu cạnh mốc so sánh đo cùng lượt (npm run bench -- <tên>)')
    .argument('<name>', 'tên bài đo (tệp bench/<tên>.ts)')
    .argument('[args...]', 'tham số của bài đo, ví dụ --students 300000')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (name: string, args: string[]) => {
      const names = benchmarkNames();
      if (!names.includes(name)) {
        throw new Error(`Không có bài đo "${name}". Các bài đo: ${names.join(', ')}.`);
      }
      const benchmark = (await import(path.join(BENCH_DIR, `${name}.ts`))) as Benchmark;
      await benchmark.run(args);
    });
}
