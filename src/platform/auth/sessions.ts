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
  forget(`s:${sha256(sessionToken)}`);
  sessionCache.delete(sha256(sessionToken));
  await db.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
}

/** Ends the user's sessions, all or all but one (`except`: the token of the session to keep). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  // The kept one is forgotten too: its user changed (mustChangePassword), so it is read again.
  forgetSessionsOfUser(userId);
  let doomed = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.except) doomed = doomed.where('id', '<>', sha256(options.except));
  await doomed.execute();
}

/**
 * The session cache: sessions checked against the database in the last SESSION_CACHE_MS are reused without a
 * round trip (keyed by the token's sha-256, like the table). Every change to who a user is or may do forgets
 * their entries at once in this process: logout, password change or reset, deactivation, erasure
 * (deleteSessionsOfUser), role grant/revoke and account edits (forgetSessionsOfUser), unit renames, moves and
 * merges (forgetAllSessions). Another server process sharing the database learns of it when its entry ages out,
 * so across processes a change takes effect within SESSION_CACHE_MS (docs/architecture.md, "Sessions").
 *
 * A forget happens inside the writer's transaction, before its commit: a request that read the old rows meanwhile
 * must not put them back. So for FORGET_WINDOW_MS after a forget, that user's (or, after forgetAllSessions,
 * everyone's) sessions are read from the database on every request and not cached; a transaction that changes
 * accounts commits well within that window.
 */
const sessionCache = new Map<string, CachedSession>();
interface CachedSession {
  session: LoadedSession;
  checkedAt: number;
  expiresAt: number;
}
/** How long a checked session is reused (30 s): the bound for a change made by another process. */
export const SESSION_CACHE_MS = 30_000;
/**
 * A job's progress poll reuses a session checked in the last minute: on the embedded database the job's
 * transaction holds the single connection, so a poll that had to read the sessions table would wait for the job.
 */
export const JOB_POLL_SESSION_MS = 60_000;
const FORGET_WINDOW_MS = JOB_POLL_SESSION_MS;
const MAX_CACHED = 10_000;
/** When a user (`u:<id>`) or one session (`s:<sha-256>`) was last forgotten. */
const forgotten = new Map<string, number>();
let forgottenAllAt = Number.NEGATIVE_INFINITY;

function forget(key: string): void {
  const now = Date.now();
  forgotten.set(key, now);
  if (forgotten.size > MAX_CACHED) {
    for (const [k, at] of forgotten) if (now - at > FORGET_WINDOW_MS) forgotten.delete(k);
  }
}

/** Forgets the cached sessions of one user (their account, roles or password changed). */
export function forgetSessionsOfUser(userId: string): void {
  forget(`u:${userId}`);
  for (const [id, cached] of sessionCache) {
    if (cached.session.actor.userId === userId) sessionCache.delete(id);
  }
}

/** Forgets every cached session (units were renamed, moved or merged: every actor's unit paths may change). */
export function forgetAllSessions(): void {
  forgottenAllAt = Date.now();
  sessionCache.clear();
}

/**
 * Empties the cache and the memory of recent forgets: a fresh start, as in a new process (tests that run one
 * storage after another in the same process, where the other storage's forgets would keep the cache off).
 */
export function resetSessionCache(): void {
  sessionCache.clear();
  forgotten.clear();
  forgottenAllAt = Number.NEGATIVE_INFINITY;
}

function rememberSession(id: string, session: LoadedSession, expiresAt: Date): void {
  const now = Date.now();
  const lastForgotten = Math.max(
    forgottenAllAt,
    forgotten.get(`u:${session.actor.userId}`) ?? Number.NEGATIVE_INFINITY,
    forgotten.get(`s:${id}`) ?? Number.NEGATIVE_INFINITY,
  );
  if (now - lastForgotten <= FORGET_WINDOW_MS) return;
  if (sessionCache.size >= MAX_CACHED) {
    for (const [key, cached] of sessionCache) {
      if (now - cached.checkedAt > JOB_POLL_SESSION_MS) sessionCache.delete(key);
    }
    if (sessionCache.size >= MAX_CACHED) sessionCache.clear();
  }
  sessionCache.set(id, { session, checkedAt: now, expiresAt: expiresAt.getTime() });
}

/**
 * The session as checked in the last `maxAgeMs` (SESSION_CACHE_MS for a request, JOB_POLL_SESSION_MS for a job's
 * progress poll), or null (then load it). An expired session is never served from the cache.
 */
export function cachedSession(sessionToken: string, maxAgeMs: number): LoadedSession | null {
  if (maxAgeMs <= 0) return null;
  const cached = sessionCache.get(sha256(sessionToken));
  if (!cached) return null;
  const now = Date.now();
  return now - cached.checkedAt <= maxAgeMs && now < cached.expiresAt ? cached.session : null;
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
  let expiresAt = row.expires_at;
  // The cache holds an entry at most SESSION_CACHE_MS, far below TOUCH_EVERY_MS: a session in use still slides.
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: expiresAt })
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
  rememberSession(id, session, expiresAt);
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
