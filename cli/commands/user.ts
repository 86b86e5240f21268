import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { type InputIssue, safeParseInput } from '#contracts/common.ts';
import { createUserBody } from '#contracts/users.ts';
import { createUser, resetUserPassword } from '../../src/features/users/service.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { withDatabase } from '../runtime.ts';

export interface CreateUserOptions {
  username: string;
  fullName: string;
  unit: string;
  role?: string[];
  password?: string;
  email?: string;
  phone?: string;
}

export function userCommand(program: Command): void {
  const user = program.command('user').description('Quản lý tài khoản người dùng');
  user
    .command('create')
    .description('Tạo tài khoản và gán vai trò tại một đơn vị')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .requiredOption('--full-name <name>', 'họ và tên')
    .requiredOption('--unit <code>', 'mã đơn vị quản lý tài khoản (và nơi gán vai trò)')
    .option(
      '--role <role>',
      'vai trò tại đơn vị, ví dụ principal (lặp lại để gán nhiều vai trò)',
      collect,
      [],
    )
    .option('--password <password>', 'mật khẩu; bỏ trống để tạo mật khẩu tạm')
    .option('--email <email>', 'e-mail')
    .option('--phone <phone>', 'số điện thoại')
    .action(async (options: CreateUserOptions) => {
      await withDatabase(async ({ db }) => {
        const created = await createUserFromCli(db, options);
        console.log(`Đã tạo tài khoản ${created.username}.`);
        if (created.temporaryPassword) {
          console.log(
            `Mật khẩu tạm (chỉ hiện một lần; đổi ở lần đăng nhập đầu): ${created.temporaryPassword}`,
          );
        }
      });
    });
  user
    .command('reset-password')
    .description('Đặt lại mật khẩu: tạo mật khẩu tạm, buộc đổi khi đăng nhập, kết thúc mọi phiên')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .action(async (options: { username: string }) => {
      await withDatabase(async ({ db }) => {
        const password = await resetPasswordFromCli(db, options.username);
        console.log(`Mật khẩu tạm của ${options.username} (chỉ hiện một lần): ${password}`);
      });
    });
}

/**
 * Creates an account from the command line (also how the first administrator is made). Runs as the system: the
 * operator has the server, so every role may be granted; the change is audited with no acting user.
 */
export async function createUserFromCli(db: Kysely<DB>, options: CreateUserOptions) {
  const unit = await db.selectFrom('units').select('id').where('code', '=', options.unit).executeTakeFirst();
  if (!unit) throw new Error(`Không có đơn vị mã "${options.unit}".`);
  // The same schema and text rule (NFC, no control characters) as POST /users.
  const parsed = safeParseInput(createUserBody, {
    unitId: unit.id,
    username: options.username,
    fullName: options.fullName,
    email: options.email,
    phone: options.phone,
    password: options.password,
    roles: (options.role ?? []).map((role) => ({ role, unitId: unit.id })),
  });
  if (!parsed.success) throw new Error(describe(parsed.issues));
  // An operator who typed the password is usually creating their own account; a generated one must be changed.
  const created = await createUser(cliContext(db), parsed.data, { mustChangePassword: !options.password });
  return { username: created.user.username, temporaryPassword: created.temporaryPassword };
}

export async function resetPasswordFromCli(db: Kysely<DB>, username: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
  if (!user) throw new Error(`Không có tài khoản "${username}".`);
  const { temporaryPassword } = await resetUserPassword(cliContext(db), user.id);
  return temporaryPassword;
}

/** The command line acts as a system administrator over every unit ('/' prefixes every unit path). */
export function cliContext(db: Kysely<DB>): ServiceContext {
  return {
    db,
    log: pino({ level: 'warn' }),
    actor: {
      userId: '',
      username: 'truongso-cli',
      fullName: 'Dòng lệnh truongso',
      mustChangePassword: false,
      assignments: [{ role: 'system_admin', unitId: '', unitPath: '/', unitName: '', unitKind: 'ministry' }],
    },
  };
}

function describe(issues: InputIssue[]): string {
  return issues.map((issue) => `--${flagOf(issue.path)}: ${issue.message}`).join('\n');
}

const FLAGS: Record<string, string> = { fullName: 'full-name', roles: 'role', unitId: 'unit' };
const flagOf = (path: PropertyKey[]) => FLAGS[String(path[0])] ?? String(path[0]);

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
