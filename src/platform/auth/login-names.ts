import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

// A username, e-mail or phone logs in to exactly one account: migration 0060 keeps every login name in
// login_names and refuses one that another account uses in any column (constraint login_names_<field>).

const MESSAGES = {
  username:
    'Tên đăng nhập này đã là tên đăng nhập, e-mail hoặc số điện thoại của tài khoản khác. Chọn tên khác.',
  email: 'E-mail này đã được dùng để đăng nhập vào tài khoản khác (làm tên đăng nhập hoặc e-mail).',
  phone:
    'Số điện thoại này đã được dùng để đăng nhập vào tài khoản khác (làm tên đăng nhập hoặc số điện thoại).',
} as const;

/** The 409 naming the field, when `error` is the database refusing a login name; otherwise null. */
export function loginNameConflict(error: unknown): AppError | null {
  for (const [field, message] of Object.entries(MESSAGES)) {
    if (isUniqueViolation(error, `login_names_${field}`))
      return new AppError('conflict', message, { [field]: message });
  }
  return null;
}

/** The account that logs in with this name (username, e-mail or phone, any case), if any. */
export async function accountOfLoginName(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db
    // scope: login names are unique across the instance.
    .selectFrom('login_names')
    .select('user_id')
    .where('name', '=', name.trim().toLowerCase())
    .executeTakeFirst();
  return row?.user_id;
}
