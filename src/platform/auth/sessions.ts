import { createHash, randomBytes } from 'node:crypto';
import type { Expression, Kysely, SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role } from '#contracts/roles.ts';
import type { Actor, RoleAssignment } from '../authz/actor.ts';
import type { DB } from '../db/schema.ts';

export const SESSION_COOKIE = 'ts_session';
export const CSRF_COOKIE = 'ts_csrf';
/** Sessions slide: each use extends them, but an idle session ends after this long. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  client: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const session = { token: token(), csrfToken: token(), expiresAt: new Date(Date.now() + SESSION_IDLE_MS) };
  await db
    .insertInto('sessions')
    .values({
      id: sha256(session.token),
      user_id: userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: client.ip ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return session;
}

export async function deleteSession(db: Kysely<DB>, sessionToken: string): Promise<void> {
  recentSessions.delete(sha256(sessionToken));
  await db.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
}

/** Ends the user's sessions, all or all but one (`except`: the token of the session to keep). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  // The kept one is forgotten too: its user changed (mustChangePassword), so it is read again.
  for (const [id, recent] of recentSessions) {
    if (recent.session.actor.userId === userId) recentSessions.delete(id);
  }
  let doomed = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.except) doomed = doomed.where('id', '<>', sha256(options.except));
  await doomed.execute();
}

/**
 * Sessions checked against the database in the last minute. Only polls of a running job's progress use them: on
 * the embedded database the job's transaction holds the single connection, so a poll that had to read the
 * sessions table would wait for the whole job. Logout and password resets drop them at once.
 */
const recentSessions = new Map<string, { session: LoadedSession; checkedAt: number }>();
const RECENT_SESSION_MS = 60_000;

function rememberSession(id: string, session: LoadedSession): void {
  const now = Date.now();
  if (recentSessions.size > 1000) {
    for (const [key, recent] of recentSessions) {
      if (now - recent.checkedAt > RECENT_SESSION_MS) recentSessions.delete(key);
    }
  }
  recentSessions.set(id, { session, checkedAt: now });
}

/** The session as checked in the last minute, or null (then load it). */
export function recentSession(sessionToken: string): LoadedSession | null {
  const recent = recentSessions.get(sha256(sessionToken));
  return recent && Date.now() - recent.checkedAt <= RECENT_SESSION_MS ? recent.session : null;
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * Resolves a cookie token to the acting user with their role assignments, or null if invalid/expired. One query
 * (the assignments come as a JSON array): on the embedded database every request waits its turn for the one
 * connection, so each round trip saved is a turn saved.
 */
export async function loadSession(db: Kysely<DB>, sessionToken: string): Promise<LoadedSession | null> {
  const id = sha256(sessionToken);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.full_name',
      'users.is_active',
      'users.must_change_password',
      jsonArrayFrom(assignmentsOf(eb.selectFrom('role_assignments'), eb.ref('users.id'))).as('assignments'),
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row?.is_active || row.expires_at.getTime() < Date.now()) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .where('id', '=', id)
      .execute();
  }
  const session: LoadedSession = {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      mustChangePassword: row.must_change_password,
      assignments: row.assignments.map(toAssignment),
    },
  };
  rememberSession(id, session);
  return session;
}

/** The user's roles on active units, by unit path: the one definition for sessions and jobs. */
function assignmentsOf(
  from: SelectQueryBuilder<DB, 'role_assignments', object>,
  userId: string | Expression<string>,
) {
  return from
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.role', 'units.id', 'units.path', 'units.name', 'units.kind'])
    .where('role_assignments.user_id', '=', userId)
    .where('units.status', '=', 'active')
    .orderBy('units.path');
}

const toAssignment = (r: { role: string; id: string; path: string; name: string; kind: string }) => ({
  role: r.role as Role,
  unitId: r.id,
  unitPath: r.path,
  unitName: r.name,
  unitKind: r.kind,
});

export async function loadAssignments(db: Kysely<DB>, userId: string): Promise<RoleAssignment[]> {
  const rows = await assignmentsOf(db.selectFrom('role_assignments'), userId).execute();
  return rows.map(toAssignment);
}
