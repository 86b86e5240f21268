import { sql } from 'kysely';
import type {
  MergeUnitInput,
  MoveUnitInput,
  ReorganisationEvent,
  ReorganisationPreview,
  Unit,
} from '#contracts/units.ts';
import { mergeRefusal, moveRefusal, roleEndsWithMerger, type UnitShape } from '../../domain/units/index.ts';
import { type AuditEntry, auditMany } from '../../platform/audit/audit.ts';
import { forgetAllSessions } from '../../platform/auth/sessions.ts';
import { requireAccess, requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { carryAcross, moveChildren } from './merge-writes.ts';
import { listed, loadMovers, type Movers, stateToken } from './movers.ts';
import {
  closeParentHistory,
  findUnit,
  openParentHistory,
  repathSubtree,
  toUnit,
  type UnitRow,
} from './queries.ts';

type Kind = 'merge' | 'move';
interface Sides {
  unit: UnitRow;
  target: UnitRow;
}
interface Planned {
  preview: ReorganisationPreview;
  movers: Movers;
}

const shapeOf = (row: UnitRow): UnitShape => ({
  name: row.name,
  category: row.category,
  kind: row.kind,
  level: row.level,
  gradeFrom: row.grade_from,
  gradeTo: row.grade_to,
  status: row.status,
});

async function loadSides(ctx: ServiceContext, id: string, targetId: string): Promise<Sides> {
  const [unit, target] = await Promise.all([findUnit(ctx.db, id), findUnit(ctx.db, targetId)]);
  if (!unit || !target) throw notFound('đơn vị');
  return { unit, target };
}

/** Who and what would go across, what stays, what blocks it — and the token of this state. */
async function plan(ctx: ServiceContext, kind: Kind, { unit, target }: Sides): Promise<Planned> {
  const blockers: string[] = [];
  if (target.path.startsWith(unit.path)) {
    blockers.push('Không thể chuyển hoặc sáp nhập đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
  }
  const refusal =
    kind === 'merge'
      ? mergeRefusal(shapeOf(unit), shapeOf(target))
      : moveRefusal(shapeOf(unit), shapeOf(target));
  if (refusal) blockers.push(refusal);
  if (kind === 'move' && unit.parent_id === target.id)
    blockers.push(`${unit.name} đã trực thuộc ${target.name}.`);
  const schoolYear = unit.category === 'school' ? await currentSchoolYearOf(ctx.db, unit.path) : null;
  const roleEnds = (role: string) => kind === 'merge' && roleEndsWithMerger(shapeOf(unit), role);
  const movers = await loadMovers(ctx.db, [unit.id], schoolYear, roleEnds);
  const notes: string[] = [];
  if (kind === 'merge' && unit.category === 'school') {
    blockers.push(...(await mergeBlockers(ctx, { unit, target }, schoolYear, movers)));
    notes.push(...leadershipNotes({ unit, target }, movers));
    if (schoolYear && movers.classes.length > 0)
      notes.push(...(await lockNotes(ctx, { unit, target }, schoolYear)));
  }
  const preview: ReorganisationPreview = {
    kind,
    unit: { id: unit.id, name: unit.name },
    target: { id: target.id, name: target.name },
    schoolYear,
    units: listed(movers.units),
    students: listed(movers.students),
    staff: listed(movers.staff),
    classes: listed(movers.classes),
    accounts: listed(movers.accounts),
    roles: listed(movers.roles),
    endingRoles: listed(movers.endingRoles),
    stays: kind === 'merge' ? await whatStays(ctx, unit, schoolYear) : [],
    notes,
    blockers,
    expectedState: stateToken([unit, target], movers),
  };
  return { preview, movers };
}

/** A school's classes move into the receiving school's same year, so the years must match and names not clash. */
async function mergeBlockers(ctx: ServiceContext, sides: Sides, schoolYear: string | null, movers: Movers) {
  const blockers: string[] = [];
  const targetYear = await currentSchoolYearOf(ctx.db, sides.target.path);
  if (schoolYear !== targetYear) {
    blockers.push(
      `Năm học hiện tại của ${sides.unit.name} (${schoolYear ?? 'chưa đặt'}) khác của ${sides.target.name} ` +
        `(${targetYear ?? 'chưa đặt'}).`,
    );
  }
  if (movers.classes.length === 0 || !schoolYear) return blockers;
  const clashes = await ctx.db
    .selectFrom('classes')
    .select('name')
    .where('unit_id', '=', sides.target.id)
    .where('school_year', '=', schoolYear)
    .where(
      'name',
      'in',
      movers.classes.map((c) => c.name),
    )
    .orderBy('name')
    .execute();
  if (clashes.length > 0) {
    blockers.push(
      `${sides.target.name} đã có lớp trùng tên: ${clashes.map((c) => c.name).join(', ')}. ` +
        `Đổi tên các lớp này ở ${sides.unit.name} trước khi sáp nhập.`,
    );
  }
  return blockers;
}

/** The merged school's principal and deputies do not become the receiving school's by the merger (domain/units). */
function leadershipNotes({ unit, target }: Sides, movers: Movers): string[] {
  if (movers.endingRoles.length === 0) return [];
  const who = movers.endingRoles.map((r) => `${r.name} (${r.detail})`).join(', ');
  return [
    `Vai trò lãnh đạo của ${unit.name} kết thúc khi sáp nhập: ${who}. Họ không tự động trở thành Hiệu trưởng, ` +
      `Phó hiệu trưởng của ${target.name}; tài khoản vẫn chuyển sang, việc kết thúc vai trò được ghi vào nhật ký. ` +
      'Nếu quyết định sáp nhập giữ chức vụ của ai, đánh dấu "giữ lại" cho người đó.',
  ];
}

const TERM_NAME = { 1: 'Học kì I', 2: 'Học kì II' } as const;

/** Term locks on either side: the merged school's travel with its classes; the receiving school's apply to them. */
async function lockNotes(
  ctx: ServiceContext,
  { unit, target }: Sides,
  schoolYear: string,
): Promise<string[]> {
  const locks = await ctx.db
    .selectFrom('gradebook_terms')
    .select(['unit_id', 'term'])
    .where('unit_id', 'in', [unit.id, target.id])
    .where('school_year', '=', schoolYear)
    .where('locked_at', 'is not', null)
    .orderBy('term')
    .execute();
  const lockedAt = (id: string) => new Set(locks.filter((l) => l.unit_id === id).map((l) => l.term));
  const [source, receiving] = [lockedAt(unit.id), lockedAt(target.id)];
  const notes: string[] = [];
  for (const term of [1, 2] as const) {
    if (source.has(term)) {
      notes.push(
        `${TERM_NAME[term]} đã khoá ở ${unit.name}: các lớp chuyển sang vẫn khoá ${TERM_NAME[term]} tại ` +
          `${target.name} (khoá riêng từng lớp); muốn sửa phải mở khoá từng lớp, ghi rõ lí do.`,
      );
    } else if (receiving.has(term)) {
      notes.push(
        `${TERM_NAME[term]} đã khoá ở ${target.name} nhưng chưa khoá ở ${unit.name}: các lớp chuyển sang theo khoá ` +
          `của ${target.name}; nếu còn phải nhập, Ban giám hiệu mở khoá từng lớp, ghi rõ lí do.`,
      );
    }
  }
  return notes;
}

async function whatStays(ctx: ServiceContext, unit: UnitRow, schoolYear: string | null): Promise<string[]> {
  const stays = [
    `Hồ sơ các năm học trước (lớp, điểm, kết quả, học bạ) giữ nguyên trong hồ sơ của ${unit.name}.`,
  ];
  if (unit.category !== 'school') return stays;
  const { n } = await ctx.db
    .selectFrom('students')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unit.id)
    .where('status', 'not in', ['enrolled', 'transferred_in'])
    .executeTakeFirstOrThrow();
  if (Number(n) > 0)
    stays.push(`${n} học sinh đã tốt nghiệp, chuyển đi hoặc thôi học ở lại hồ sơ của ${unit.name}.`);
  stays.push('Tổ chuyên môn không chuyển: giáo viên được xếp tổ lại ở trường tiếp nhận.');
  if (schoolYear) stays.push(`Chỉ các lớp của năm học ${schoolYear} chuyển sang.`);
  return stays;
}

export async function previewMerge(ctx: ServiceContext, id: string, intoUnitId: string) {
  await requireAccess(ctx, 'units.manage', [id, intoUnitId]);
  return (await plan(ctx, 'merge', await loadSides(ctx, id, intoUnitId))).preview;
}

/** The full lists behind a merger's preview (every name, not only the first 300), for the download. */
export async function mergeLists(ctx: ServiceContext, id: string, intoUnitId: string): Promise<Planned> {
  await requireAccess(ctx, 'units.manage', [id, intoUnitId]);
  return plan(ctx, 'merge', await loadSides(ctx, id, intoUnitId));
}

export async function previewMove(ctx: ServiceContext, id: string, parentId: string) {
  await requireAccess(ctx, 'units.manage', [id, parentId]);
  return (await plan(ctx, 'move', await loadSides(ctx, id, parentId))).preview;
}

/**
 * Replans inside the transaction (the two units locked) and refuses when it is blocked, or when what moves is not
 * what the preview showed (409: someone changed the school in between).
 */
async function replan(trx: ServiceContext, kind: Kind, id: string, targetId: string, expectedState: string) {
  await sql`select id from units where id in (${id}, ${targetId}) order by id for update`.execute(trx.db);
  const sides = await loadSides(trx, id, targetId);
  const planned = await plan(trx, kind, sides);
  const [blocker] = planned.preview.blockers;
  if (blocker) {
    const field = kind === 'merge' ? 'intoUnitId' : 'parentId';
    throw new AppError('validation_failed', blocker, { [field]: blocker });
  }
  if (planned.preview.expectedState !== expectedState) {
    throw new AppError(
      'conflict',
      'Dữ liệu của đơn vị đã thay đổi sau khi xem trước (học sinh, cán bộ, lớp hoặc tài khoản). Hãy xem trước lại rồi xác nhận.',
    );
  }
  return { sides, planned };
}

const countsOf = (p: ReorganisationPreview) => ({
  units: p.units.count,
  students: p.students.count,
  staff: p.staff.count,
  classes: p.classes.count,
  accounts: p.accounts.count,
  roles: p.roles.count,
});

async function record(
  trx: ServiceContext,
  kind: Kind,
  sides: Sides,
  input: MergeUnitInput | MoveUnitInput,
  moved: Record<string, number>,
  /** Further audit rows of the same change (the roles a merger ended), written in the same statement. */
  more: readonly AuditEntry[] = [],
) {
  const decision = {
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
    effectiveOn: input.effectiveOn,
    reason: input.reason ?? null,
  };
  await trx.db
    .insertInto('unit_reorganisations')
    .values({
      unit_id: sides.unit.id,
      kind,
      target_unit_id: sides.target.id,
      from_parent_id: sides.unit.parent_id,
      decision_number: decision.decisionNumber,
      decision_date: decision.decisionDate,
      effective_on: decision.effectiveOn,
      reason: decision.reason,
      moved: JSON.stringify(moved),
      created_by: trx.actor.userId || null,
    })
    .execute();
  const after = { ...decision, targetId: sides.target.id, targetName: sides.target.name, moved };
  const receive = { ...decision, fromUnitId: sides.unit.id, fromUnitName: sides.unit.name, moved };
  await auditMany(trx, [
    { unitId: sides.unit.id, entity: 'unit', entityId: sides.unit.id, action: kind, after },
    {
      unitId: sides.target.id,
      entity: 'unit',
      entityId: sides.target.id,
      action: kind === 'merge' ? 'receive_merged' : 'receive_moved',
      after: receive,
    },
    ...more,
  ]);
}

/**
 * Merges a unit into another on a decision: its current classes with their lists, its students on the roll, its
 * staff, accounts and role assignments, and the units below it go to the target in one transaction; it is marked
 * merged and keeps its past years. Refused when the levels do not fit (domain/units) or the preview is stale.
 */
export async function mergeUnit(ctx: ServiceContext, id: string, input: MergeUnitInput): Promise<Unit> {
  await requireAccess(ctx, 'units.manage', [id, input.intoUnitId]);
  return inTransaction(ctx, async (trx) => {
    const { sides, planned } = await replan(trx, 'merge', id, input.intoUnitId, input.expectedState);
    const { unit, target } = sides;
    const endRoleIds = rolesToEnd(planned.movers, input.keepRoles ?? []);
    const ended = await carryAcross(trx.db, {
      sourceId: unit.id,
      targetId: target.id,
      schoolYear: planned.preview.schoolYear,
      movers: planned.movers,
      endRoleIds,
      lockReason: `Khoá của ${unit.name} trước khi sáp nhập (QĐ ${input.decisionNumber})`,
    });
    const reason = `Sáp nhập ${unit.name} vào ${target.name} (QĐ ${input.decisionNumber})`;
    const endedAudits = ended.map(
      (r): AuditEntry => ({
        unitId: unit.id,
        entity: 'role_assignment',
        entityId: r.id,
        action: 'revoke',
        before: { userId: r.user_id, username: r.username, role: r.role },
        after: { reason, effectiveOn: input.effectiveOn },
      }),
    );
    await moveChildren(trx.db, unit, target, input.effectiveOn, input.reason ?? null);
    // Every actor with a role below either side sees other unit paths and statuses from now on.
    forgetAllSessions();
    await trx.db
      .updateTable('units')
      .set({ status: 'merged', merged_into_id: target.id, updated_at: new Date() })
      .where('id', '=', unit.id)
      .execute();
    await closeParentHistory(trx.db, unit.id, input.effectiveOn);
    const counts = {
      ...countsOf(planned.preview),
      endedRoles: ended.length,
      keptRoles: input.keepRoles?.length ?? 0,
    };
    await record(
      trx,
      'merge',
      sides,
      input,
      { ...counts, roles: counts.roles + counts.keptRoles },
      endedAudits,
    );
    return toUnit((await findUnit(trx.db, unit.id)) as UnitRow);
  });
}

/** The ending roles the decision did not keep; a kept id must be one of the preview's ending roles (400). */
function rolesToEnd(movers: Movers, keep: readonly string[]): string[] {
  const ending = new Set(movers.endingRoles.map((r) => r.id));
  const stray = keep.find((id) => !ending.has(id));
  if (stray) {
    const message =
      'Vai trò giữ lại phải là một vai trò lãnh đạo kết thúc khi sáp nhập (theo bản xem trước).';
    throw new AppError('validation_failed', message, { keepRoles: message });
  }
  return [...ending].filter((id) => !keep.includes(id));
}

/**
 * Moves a unit (and everything below it) under another office on a decision, keeping the dated parent history so
 * past school years still report under the old parent (the 2025 reform abolished district offices).
 */
export async function moveUnit(ctx: ServiceContext, id: string, input: MoveUnitInput): Promise<Unit> {
  await requireAccess(ctx, 'units.manage', [id, input.parentId]);
  return inTransaction(ctx, async (trx) => {
    const { sides, planned } = await replan(trx, 'move', id, input.parentId, input.expectedState);
    const { unit, target } = sides;
    forgetAllSessions();
    await trx.db.updateTable('units').set({ parent_id: target.id }).where('id', '=', id).execute();
    await repathSubtree(trx.db, unit.path, `${target.path}${id}/`);
    await closeParentHistory(trx.db, id, input.effectiveOn);
    await openParentHistory(trx.db, {
      unitId: id,
      parentId: target.id,
      validFrom: input.effectiveOn,
      reason: input.reason,
    });
    await record(trx, 'move', sides, input, countsOf(planned.preview));
    return toUnit((await findUnit(trx.db, id)) as UnitRow);
  });
}

/** The mergers and moves a unit took part in, either side, oldest first. */
export async function unitReorganisations(ctx: ServiceContext, id: string): Promise<ReorganisationEvent[]> {
  await requireUnitAccess(ctx, 'units.read', id);
  const rows = await ctx.db
    .selectFrom('unit_reorganisations as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('units as t', 't.id', 'r.target_unit_id')
    .leftJoin('units as p', 'p.id', 'r.from_parent_id')
    .select([
      'r.id',
      'r.kind',
      'r.unit_id',
      'u.name as unit_name',
      'r.target_unit_id',
      't.name as target_name',
      'p.name as from_parent_name',
      'r.decision_number',
      'r.decision_date',
      'r.effective_on',
      'r.reason',
      'r.moved',
    ])
    .where((eb) => eb.or([eb('r.unit_id', '=', id), eb('r.target_unit_id', '=', id)]))
    .orderBy('r.effective_on')
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.unit_id === id ? 'out' : 'in',
    unitId: r.unit_id,
    unitName: r.unit_name,
    targetId: r.target_unit_id,
    targetName: r.target_name,
    fromParentName: r.from_parent_name,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    effectiveOn: r.effective_on,
    reason: r.reason,
    moved: (r.moved ?? {}) as unknown as Record<string, number>,
  }));
}
