import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSessionsOfUser, type NewSession } from './sessions.ts';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export interface LoginInput {
  login: string;
  password: string;
  ip?: string;
  userAgent?: string;
}

/** Logs in by username, e-mail or phone. Repeated failures lock the account for a while. */
export async function login(db: Kysely<DB>, input: LoginInput): Promise<NewSession & { userId: string }> {
  const login = input.login.trim();
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active', 'locked_until', 'failed_login_count'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['username']), '=', login.toLowerCase()),
        eb(eb.fn('lower', ['email']), '=', login.toLowerCase()),
        eb('phone', '=', login),
      ]),
    )
    .executeTakeFirst();
  if (!user) {
    // Spend the same time as a real check so response time does not reveal which logins exist.
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60000);
    throw new AppError(
      'too_many_requests',
      `Tài khoản tạm khoá do nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(db, user.id, user.failed_login_count + 1);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  if (!user.is_active)
    throw new AppError('forbidden', 'Tài khoản đã bị vô hiệu hoá. Liên hệ quản trị đơn vị.');
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent });
  return { ...session, userId: user.id };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hashPassword('no-such-user-password');
  return dummy;
};

async function recordFailure(db: Kysely<DB>, userId: string, failures: number): Promise<void> {
  const lock = failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60000) : null;
  await db
    .updateTable('users')
    .set({ failed_login_count: lock ? 0 : failures, locked_until: lock })
    .where('id', '=', userId)
    .execute();
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const user = await trx.db
      .selectFrom('users')
      .select(['id', 'unit_id', 'username', 'password_hash'])
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw new AppError('validation_failed', 'Mật khẩu hiện tại không đúng.', {
        currentPassword: 'Mật khẩu hiện tại không đúng.',
      });
    }
    assertAcceptablePassword(input.newPassword, user.username);
    await trx.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(input.newPassword),
        must_change_password: false,
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute();
    await audit(trx, { unitId: user.unit_id, entity: 'user', entityId: user.id, action: 'change_password' });
  });
}

/** Signs the user out everywhere (after an admin reset or deactivation). */
export const endAllSessions = deleteSessionsOfUser;
