import { randomInt } from 'node:crypto';
import { audit } from '../../platform/audit/audit.ts';
import { accountOfLoginName, loginNameConflict } from '../../platform/auth/login-names.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { forgetSessionsOfUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';

// No 0/O, 1/l/I: the password is read aloud or copied from paper by a parent.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 10;

export function generateInitialPassword(): string {
  let password = '';
  for (let i = 0; i < PASSWORD_LENGTH; i++)
    password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

async function findGuardian(ctx: ServiceContext, guardianId: string) {
  const guardian = await ctx.db
    // scope: loaded by id to find its unit; access is checked on that unit below.
    .selectFrom('student_guardians as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .innerJoin('students as s', 's.id', 'g.student_id')
    .select([
      'g.id',
      'g.unit_id',
      'g.student_id',
      'g.full_name',
      'g.phone',
      'g.email',
      'g.user_id',
      'u.path as unit_path',
      's.erased_at',
    ])
    .where('g.id', '=', guardianId)
    .executeTakeFirst();
  if (!guardian) throw notFound('người giám hộ');
  if (!can(ctx.actor, 'users.manage', { id: guardian.unit_id, path: guardian.unit_path })) throw forbidden();
  return guardian;
}

/**
 * Gives a guardian a login to follow their own children (`guardian` role on the school, `students.read_own`).
 * The username defaults to the guardian's phone. When an account with that username already belongs to a guardian
 * of this school (a sibling's parent), it is linked instead of creating a second one. A new account gets a
 * generated password, returned once and never stored in clear, and must change it at first login.
 */
export async function createGuardianAccount(
  ctx: ServiceContext,
  guardianId: string,
  input: { username?: string | null },
) {
  const guardian = await findGuardian(ctx, guardianId);
  if (guardian.erased_at) throw new AppError('conflict', 'Dữ liệu của học sinh này đã bị xoá.');
  if (guardian.user_id) {
    throw new AppError('already_done', 'Người giám hộ này đã có tài khoản.');
  }
  const username = input.username ?? guardian.phone;
  if (!username) {
    const message = 'Chưa có số điện thoại của người giám hộ: nhập số điện thoại hoặc tên đăng nhập.';
    throw new AppError('validation_failed', message, { username: message });
  }
  return inTransaction(ctx, async (trx) => {
    // Login names (username, e-mail, phone) are unique across the instance: the account logging in with this
    // name, whichever column holds it, is the one to link or the reason to refuse.
    const existingId = await accountOfLoginName(trx.db, username);
    const existing = existingId
      ? await trx.db
          // scope: the account found by its login name, linked only if it is a guardian of this school.
          .selectFrom('users')
          .select(['id', 'username'])
          .where('id', '=', existingId)
          .executeTakeFirstOrThrow()
      : undefined;
    if (existing && !(await isGuardianHere(trx, existing.id, guardian.unit_id))) {
      const message = `Tên đăng nhập "${username}" đã là tên đăng nhập, e-mail hoặc số điện thoại của tài khoản khác. Nhập một tên đăng nhập khác.`;
      throw new AppError('conflict', message, { username: message });
    }
    const initialPassword = existing ? null : generateInitialPassword();
    const userId = existing?.id ?? (await insertUser(trx, guardian, username, initialPassword as string));
    await trx.db
      .insertInto('role_assignments')
      .values({ user_id: userId, role: 'guardian', unit_id: guardian.unit_id })
      .onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing())
      .execute();
    // An existing account may be logged in: its roles just changed.
    forgetSessionsOfUser(userId);
    await trx.db
      .updateTable('student_guardians')
      .set({ user_id: userId })
      .where('unit_id', '=', guardian.unit_id)
      .where('id', '=', guardian.id)
      .execute();
    await audit(trx, {
      unitId: guardian.unit_id,
      entity: 'guardian',
      entityId: guardian.id,
      action: existing ? 'link_account' : 'create_account',
      after: { userId, username, studentId: guardian.student_id },
    });
    return {
      userId,
      username: existing?.username ?? username,
      initialPassword,
      linkedExisting: Boolean(existing),
    };
  });
}

async function isGuardianHere(trx: ServiceContext, userId: string, unitId: string): Promise<boolean> {
  const row = await trx.db
    .selectFrom('role_assignments')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'guardian')
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

async function insertUser(
  trx: ServiceContext,
  guardian: { unit_id: string; full_name: string; phone: string | null; email: string | null },
  username: string,
  password: string,
): Promise<string> {
  // Phone and e-mail are unique logins; when another account already uses them, the new one goes without.
  const phoneTaken = guardian.phone ? await loginTaken(trx, guardian.phone) : true;
  const emailTaken = guardian.email ? await loginTaken(trx, guardian.email) : true;
  const insert = trx.db
    .insertInto('users')
    .values({
      unit_id: guardian.unit_id,
      username,
      full_name: guardian.full_name,
      phone: phoneTaken ? null : guardian.phone,
      email: emailTaken ? null : guardian.email,
      password_hash: await hashPassword(password),
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    return (await insert).id;
  } catch (error) {
    throw loginNameConflict(error) ?? error;
  }
}

async function loginTaken(trx: ServiceContext, value: string): Promise<boolean> {
  return (await accountOfLoginName(trx.db, value)) !== undefined;
}
