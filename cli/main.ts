import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command()
  .name('truongso')
  .description('Trường Số — nền tảng chuyển đổi số cho nhà trường và cơ quan quản lý giáo dục')
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
