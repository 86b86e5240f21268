import { type RawBuilder, sql } from 'kysely';
import type { AuditEntry, AuditQuery, DataAccessEntry, DataAccessQuery } from '#contracts/audit.ts';
import {
  AUDIT_AREA_ENTITIES,
  auditActionLabel,
  auditEntityLabel,
  DATA_ACCESS_ACTION_LABEL_VI,
  DATA_SUBJECT_LABEL_VI,
  dataAccessDetailLabel,
} from '#contracts/audit-labels.ts';
import { describeAuditChange } from '#contracts/audit-words.ts';
import { endOfVietnamDay, startOfVietnamDay } from '../../domain/calendar/index.ts';
import { foldVietnamese } from '../../domain/text/index.ts';
import { requireUnitAccess, unitsUnderPaths } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { containsPattern, foldedSql } from '../../platform/db/sql-helpers.ts';

type Filter = Pick<AuditQuery, 'actor' | 'from' | 'to'>;

/**
 * The change log of a unit and the units below it, newest first: a principal sees their school's, an office the
 * units under it (audit.read). Each entry carries the before/after of the change for the diff view.
 */
export async function listAuditLog(ctx: ServiceContext, query: AuditQuery) {
  const unit = await requireUnitAccess(ctx, 'audit.read', query.unitId);
  let base = ctx.db
    .selectFrom('audit_log')
    .innerJoin('units', 'units.id', 'audit_log.unit_id')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .where('audit_log.unit_id', 'in', unitsUnderPaths(ctx, [unit.path]))
    .where(logFilter('audit_log', query));
  if (query.entity) base = base.where('audit_log.entity', '=', query.entity);
  if (query.area) base = base.where('audit_log.entity', 'in', AUDIT_AREA_ENTITIES[query.area]);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'audit_log.id',
        'audit_log.occurred_at',
        'audit_log.unit_id',
        'units.name as unit_name',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.action',
        'audit_log.before',
        'audit_log.after',
        'audit_log.ip',
        'users.id as user_id',
        'users.username',
        'users.full_name',
      ])
      .orderBy('audit_log.occurred_at', 'desc')
      .orderBy('audit_log.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor: actorOf(r),
    unitId: r.unit_id as string,
    unitName: r.unit_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    entityLabel: auditEntityLabel(r.entity),
    actionLabel: auditActionLabel(r.action),
    ...describeAuditChange(r.entity, r.before, r.after),
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
  return { items, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

/** Who viewed, exported or erased whose personal data (Law 91/2025/QH15), for the same readers as the audit log. */
export async function listDataAccessLog(ctx: ServiceContext, query: DataAccessQuery) {
  const unit = await requireUnitAccess(ctx, 'audit.read', query.unitId);
  let base = ctx.db
    .selectFrom('data_access_log as log')
    .innerJoin('units', 'units.id', 'log.unit_id')
    .leftJoin('users', 'users.id', 'log.actor_user_id')
    .where('log.unit_id', 'in', unitsUnderPaths(ctx, [unit.path]))
    .where(logFilter('log', query));
  if (query.subjectKind) base = base.where('log.subject_kind', '=', query.subjectKind);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'log.id',
        'log.occurred_at',
        'log.unit_id',
        'units.name as unit_name',
        'log.subject_kind',
        'log.subject_id',
        'log.action',
        'log.detail',
        'users.id as user_id',
        'users.username',
        'users.full_name',
        // scope: the subject's name from the row the log entry is about, which belongs to the log's unit.
        sql<string | null>`case log.subject_kind
          when 'staff' then (select full_name from staff where staff.id = log.subject_id and staff.unit_id = log.unit_id)
          when 'student' then (select full_name from students where students.id = log.subject_id)
          else (select full_name from student_guardians where student_guardians.id = log.subject_id)
        end`.as('subject_name'),
      ])
      .orderBy('log.occurred_at', 'desc')
      .orderBy('log.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const items: DataAccessEntry[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor: actorOf(r),
    unitId: r.unit_id,
    unitName: r.unit_name,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    action: r.action,
    detail: r.detail,
    actionLabel: DATA_ACCESS_ACTION_LABEL_VI[r.action],
    subjectKindLabel: DATA_SUBJECT_LABEL_VI[r.subject_kind],
    detailLabel: dataAccessDetailLabel(r.detail),
  }));
  return { items, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Actor and date filters shared by both logs; dates are Vietnamese calendar days, `to` inclusive. */
function logFilter(table: 'audit_log' | 'log', filter: Filter) {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.from) conditions.push(sql`${column('occurred_at')} >= ${startOfVietnamDay(filter.from)}`);
  if (filter.to) {
    conditions.push(sql`${column('occurred_at')} < ${endOfVietnamDay(filter.to)}`);
  }
  if (filter.actor && UUID.test(filter.actor)) {
    conditions.push(sql`${column('actor_user_id')} = ${filter.actor}`);
  } else if (filter.actor) {
    const haystack = foldedSql(sql<string>`users.username || ' ' || users.full_name`);
    for (const word of foldVietnamese(filter.actor).split(' ')) {
      conditions.push(sql`${haystack} like ${containsPattern(word)}`);
    }
  }
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`;
}

function actorOf(r: { user_id: string | null; username: string | null; full_name: string | null }) {
  return r.user_id ? { id: r.user_id, username: r.username ?? '', fullName: r.full_name ?? '' } : null;
}
