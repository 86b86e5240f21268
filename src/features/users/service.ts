import { type Kysely, sql } from 'kysely';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput, User, UserPage } from '#contracts/users.ts';
import { foldVietnamese, normaliseName } from '../../domain/text/index.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { loginNameConflict } from '../../platform/auth/login-names.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { endAllSessions } from '../../platform/auth/service.ts';
import { forgetSessionsOfUser } from '../../platform/auth/sessions.ts';
import { requireUnitAccess, unitsUnderPaths } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { containsPattern, foldedSql } from '../../platform/db/sql-helpers.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { assertMayGrant, requireAccountManagement } from './access.ts';
import { loadAccounts, toUser } from './queries.ts';
import { temporaryPassword } from './temporary-password.ts';

/**
 * Accounts managed by a unit or below it, and accounts holding a role there (a teacher managed by another school
 * who also teaches here): who can get into this unit. Ordered by username, which is ASCII and unique.
 */
export async function listUsers(ctx: ServiceContext, query: ListUsersQuery): Promise<UserPage> {
  const unit = await requireUnitAccess(ctx, 'users.read', query.unitId);
  let filtered = ctx.db.selectFrom('users').where((eb) =>
    eb.or([
      eb('users.unit_id', 'in', unitsUnderPaths(ctx, [unit.path])),
      eb.exists(
        eb
          .selectFrom('role_assignments')
          .select('role_assignments.id')
          .whereRef('role_assignments.user_id', '=', 'users.id')
          .where('role_assignments.unit_id', 'in', unitsUnderPaths(ctx, [unit.path])),
      ),
    ]),
  );
  const haystack = foldedSql(
    sql<string>`users.username || ' ' || users.full_name || ' ' || coalesce(users.email, '') || ' ' || coalesce(users.phone, '')`,
  );
  for (const word of foldVietnamese(query.q ?? '').split(' ')) {
    if (word) filtered = filtered.where(haystack, 'like', containsPattern(word));
  }
  if (query.status) filtered = filtered.where('users.is_active', '=', query.status === 'active');
  if (query.role) {
    const role = query.role;
    filtered = filtered.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments')
          .select('role_assignments.id')
          .whereRef('role_assignments.user_id', '=', 'users.id')
          .where('role_assignments.role', '=', role)
          .where('role_assignments.unit_id', 'in', unitsUnderPaths(ctx, [unit.path])),
      ),
    );
  }
  const [count, page] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered
      .select('users.id')
      .orderBy('users.username')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const ids = page.map((p) => p.id);
  const accounts = await loadAccounts(ctx.db, ids);
  accounts.sort((a, b) => ids.indexOf(a.user.id) - ids.indexOf(b.user.id));
  return {
    items: accounts.map((a) => toUser(a, ctx.actor)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One account, for those who may list it: users.read where it is managed or where it holds a role. */
export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const [account] = await loadAccounts(ctx.db, [id]);
  if (!account) throw notFound('tài khoản');
  const places = [
    { id: account.user.unit_id, path: account.user.unit_path },
    ...account.roles.map((r) => r.unit),
  ];
  if (!places.some((unit) => can(ctx.actor, 'users.read', unit))) throw forbidden();
  return toUser(account, ctx.actor);
}

/**
 * Creates an account with its roles (each checked against what the actor may grant) and, optionally, its link to
 * a staff record. Without a password one is generated and returned once. The user must change the password at
 * first login unless `mustChangePassword: false` (the CLI, when the operator chose the password).
 */
export async function createUser(
  ctx: ServiceContext,
  input: CreateUserInput,
  options: { mustChangePassword?: boolean } = {},
): Promise<{ user: User; temporaryPassword: string | null }> {
  const unit = await requireUnitAccess(ctx, 'users.manage', input.unitId);
  const roles = input.roles ?? [];
  for (const [i, grant] of roles.entries())
    await assertMayGrant(ctx, grant.role, grant.unitId, `roles.${i}.role`);
  const generated = input.password ? null : temporaryPassword();
  const password = input.password || (generated as string);
  try {
    assertAcceptablePassword(password, {
      username: input.username,
      fullName: input.fullName,
      unitName: unit.name,
    });
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { password: error.message });
    throw error;
  }
  const passwordHash = await hashPassword(password);
  const userId = await inTransaction(ctx, async (trx) => {
    const user = await uniqueAccount(() =>
      trx.db
        .insertInto('users')
        .values({
          unit_id: input.unitId,
          username: input.username,
          full_name: normaliseName(input.fullName),
          email: input.email?.toLowerCase() ?? null,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          must_change_password: options.mustChangePassword ?? true,
        })
        .returning(['id', 'username', 'full_name', 'email', 'phone'])
        .executeTakeFirstOrThrow(),
    );
    for (const grant of roles) {
      await trx.db
        .insertInto('role_assignments')
        .values({ user_id: user.id, role: grant.role, unit_id: grant.unitId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (input.staffId) await linkStaffRecord(trx, user.id, input.staffId);
    await audit(trx, {
      unitId: input.unitId,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      after: { ...user, roles, staffId: input.staffId ?? null },
    });
    return user.id;
  });
  return { user: await getUser(ctx, userId), temporaryPassword: generated };
}

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<User> {
  const { user } = await requireAccountManagement(ctx, id);
  const patch = {
    full_name: input.fullName === undefined ? undefined : normaliseName(input.fullName),
    email: input.email === undefined ? undefined : (input.email?.toLowerCase() ?? null),
    phone: input.phone,
  };
  await inTransaction(ctx, async (trx) => {
    await uniqueAccount(() =>
      trx.db
        .updateTable('users')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .where('unit_id', '=', user.unit_id)
        .execute(),
    );
    // The name shown in the header comes from the session.
    forgetSessionsOfUser(id);
    await audit(trx, {
      unitId: user.unit_id,
      entity: 'user',
      entityId: id,
      action: 'update',
      ...changedFields({ full_name: user.full_name, email: user.email, phone: user.phone }, patch),
    });
  });
  return getUser(ctx, id);
}

/** Deactivating signs the user out everywhere; a deactivated account cannot log in (auth/service.ts). */
export async function setUserActive(ctx: ServiceContext, id: string, active: boolean): Promise<User> {
  const { user } = await requireAccountManagement(ctx, id);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('users')
      .set({ is_active: active, updated_at: new Date() })
      .where('id', '=', id)
      .where('unit_id', '=', user.unit_id)
      .execute();
    if (!active) await endAllSessions(trx.db, id);
    await audit(trx, {
      unitId: user.unit_id,
      entity: 'user',
      entityId: id,
      action: active ? 'reactivate' : 'deactivate',
      before: { is_active: user.is_active },
      after: { is_active: active },
    });
  });
  return getUser(ctx, id);
}

/**
 * An administrator's password reset: a generated temporary password (returned once), the change forced at the
 * next login, the lock-out cleared and every open session of the user ended.
 */
export async function resetUserPassword(
  ctx: ServiceContext,
  id: string,
): Promise<{ temporaryPassword: string }> {
  const { user } = await requireAccountManagement(ctx, id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_login_count: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('unit_id', '=', user.unit_id)
      .execute();
    await endAllSessions(trx.db, id);
    await audit(trx, { unitId: user.unit_id, entity: 'user', entityId: id, action: 'reset_password' });
  });
  return { temporaryPassword: password };
}

/** Links the account to a staff record of a unit the actor manages accounts for (or unlinks it with null). */
export async function linkStaff(ctx: ServiceContext, id: string, staffId: string | null): Promise<User> {
  const account = await requireAccountManagement(ctx, id);
  await inTransaction(ctx, async (trx) => {
    await linkStaffRecord(trx, id, staffId);
    await audit(trx, {
      unitId: account.user.unit_id,
      entity: 'user',
      entityId: id,
      action: 'link_staff',
      before: { staffId: account.staff?.id ?? null },
      after: { staffId },
    });
  });
  return getUser(ctx, id);
}

async function linkStaffRecord(ctx: ServiceContext, userId: string, staffId: string | null) {
  // scope: clears this account's own link, wherever it points; the account was checked by the caller.
  await ctx.db.updateTable('staff').set({ user_id: null }).where('user_id', '=', userId).execute();
  if (!staffId) return;
  const staff = await findStaffForLink(ctx.db, staffId);
  await requireUnitAccess(ctx, 'users.manage', staff.unit_id);
  if (staff.user_id && staff.user_id !== userId) {
    throw new AppError('conflict', `Hồ sơ của ${staff.full_name} đã gắn với một tài khoản khác.`, {
      staffId: 'Hồ sơ đã gắn với tài khoản khác.',
    });
  }
  await ctx.db
    .updateTable('staff')
    .set({ user_id: userId })
    .where('id', '=', staffId)
    .where('unit_id', '=', staff.unit_id)
    .execute();
}

async function findStaffForLink(db: Kysely<DB>, staffId: string) {
  // scope: looked up by id; the caller requires users.manage on the record's unit next.
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'unit_id', 'user_id', 'full_name'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff) {
    throw new AppError('validation_failed', 'Không tìm thấy hồ sơ cán bộ.', {
      staffId: 'Không tìm thấy hồ sơ cán bộ.',
    });
  }
  return staff;
}

const UNIQUE_FIELDS = [
  ['users_username_key', 'username', 'Tên đăng nhập đã được dùng.'],
  ['users_email_key', 'email', 'E-mail đã được dùng cho tài khoản khác.'],
  ['users_phone_key', 'phone', 'Số điện thoại đã được dùng cho tài khoản khác.'],
] as const;

async function uniqueAccount<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const hit = UNIQUE_FIELDS.find(([constraint]) => isUniqueViolation(error, constraint));
    if (hit) throw new AppError('conflict', hit[2], { [hit[1]]: hit[2] });
    const clash = loginNameConflict(error);
    if (clash) throw clash;
    if (isUniqueViolation(error, 'staff_user_key')) {
      throw new AppError('conflict', 'Hồ sơ cán bộ đã gắn với một tài khoản khác.', {
        staffId: 'Hồ sơ đã gắn với tài khoản khác.',
      });
    }
    throw error;
  }
}
