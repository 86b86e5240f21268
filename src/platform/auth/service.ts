import { type Kysely, sql } from 'kysely';
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
  const user = await db
    .selectFrom('login_names')
    .innerJoin('users', 'users.id', 'login_names.user_id')
    .select(['users.id', 'users.password_hash', 'users.is_active', 'users.locked_until'])
    .where('login_names.name', '=', input.login.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    // Spend the same time as a real check so response time does not reveal which logins exist.
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  assertNotLocked(user.locked_until);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    assertNotLocked(await recordFailure(db, user.id));
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  if (!user.is_active)
    throw new AppError('forbidden', 'Tài khoản đã bị vô hiệu hoá. Liên hệ quản trị đơn vị.');
  // Only while unlocked: a right password checked while concurrent wrong ones locked the account is refused too.
  const unlocked = await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .returning('locked_until')
    .executeTakeFirst();
  if (!unlocked) assertNotLocked(await lockedUntil(db, user.id));
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent });
  return { ...session, userId: user.id };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hashPassword('no-such-user-password');
  return dummy;
};

function assertNotLocked(lockedUntil: Date | null | undefined): void {
  if (!lockedUntil || lockedUntil.getTime() <= Date.now()) return;
  const minutes = Math.ceil((lockedUntil.getTime() - Date.now()) / 60000);
  throw new AppError(
    'too_many_requests',
    `Tài khoản tạm khoá do nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
  );
}

async function lockedUntil(db: Kysely<DB>, userId: string): Promise<Date | null> {
  const row = await db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * Counts one wrong password in a single UPDATE, so concurrent guesses each see the count the others left (a read
 * then a write let 30 parallel guesses all pass). The MAX_FAILED_LOGINS-th locks the account and restarts the
 * count; guesses while locked neither count nor extend the lock. Returns the lock time now in force, if any.
 */
async function recordFailure(db: Kysely<DB>, userId: string): Promise<Date | null> {
  const locked = sql<boolean>`locked_until is not null and locked_until > now()`;
  const reachesLimit = sql<boolean>`failed_login_count + 1 >= ${MAX_FAILED_LOGINS}`;
  const row = await db
    .updateTable('users')
    .set({
      failed_login_count: sql<number>`case when ${locked} then failed_login_count
        when ${reachesLimit} then 0 else failed_login_count + 1 end`,
      locked_until: sql<Date | null>`case when ${locked} then locked_until
        when ${reachesLimit} then now() + make_interval(mins => ${LOCK_MINUTES}) else locked_until end`,
    })
    .where('id', '=', userId)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * Changes the actor's own password. A wrong current password counts toward the lock-out like a wrong login (it is
 * recorded outside the transaction, which the refusal rolls back). The user's other sessions end: someone who
 * knew the old password is signed out; `keepSessionToken` (the session making the change) stays.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken?: string,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.unit_id',
      'users.username',
      'users.full_name',
      'users.password_hash',
      'users.locked_until',
      'units.name as unit_name',
    ])
    .where('users.id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  assertNotLocked(user.locked_until);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    assertNotLocked(await recordFailure(ctx.db, user.id));
    throw new AppError('validation_failed', 'Mật khẩu hiện tại không đúng.', {
      currentPassword: 'Mật khẩu hiện tại không đúng.',
    });
  }
  assertAcceptablePassword(input.newPassword, {
    username: user.username,
    fullName: user.full_name,
    unitName: user.unit_name,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: false,
        failed_login_count: 0,
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute();
    await deleteSessionsOfUser(trx.db, user.id, { except: keepSessionToken });
    await audit(trx, { unitId: user.unit_id, entity: 'user', entityId: user.id, action: 'change_password' });
  });
}

/** Signs the user out everywhere (after an admin reset or deactivation). */
export const endAllSessions = (db: Kysely<DB>, userId: string) => deleteSessionsOfUser(db, userId);
