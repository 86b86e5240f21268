/**
 * Who sees and who may change a question.
 *
 * Seen by: its author; the owning unit's staff when shared with the school; members of its department when shared
 * with the department; every unit under the same office when shared with the office (a school's question goes to
 * its office's tree, an office's to its own); and the unit's reviewers once it is submitted.
 * Reviewed by: the principal and vice principals (every question of the school), a department head (questions of
 * the departments they head), office specialists (the office's bank).
 */
import { type ExpressionBuilder, sql } from 'kysely';
import { roleGrants } from '#contracts/roles.ts';
import { requireUnitAccess, type ScopedUnit } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { departmentsHeadedByActor } from '../departments/index.ts';

export interface BankReach {
  unit: ScopedUnit;
  userId: string;
  /** Departments of the caller's staff record at the unit. */
  myDepartments: string[];
  /** 'all': reviews every question of the unit; else the departments whose questions the caller reviews. */
  reviews: 'all' | Set<string>;
}

export async function bankReach(ctx: ServiceContext, unitId: string): Promise<BankReach> {
  const unit = await requireUnitAccess(ctx, 'question_bank.use', unitId);
  const [staff, headed] = await Promise.all([
    ctx.db
      .selectFrom('staff')
      .select('department_id')
      .where('unit_id', '=', unitId)
      .where('user_id', '=', ctx.actor.userId)
      .where('department_id', 'is not', null)
      .execute(),
    departmentsHeadedByActor(ctx),
  ]);
  const leader = ctx.actor.assignments.some(
    (a) =>
      a.role !== 'department_head' &&
      unit.path.startsWith(a.unitPath) &&
      roleGrants(a.role, 'question_bank.review'),
  );
  return {
    unit,
    userId: ctx.actor.userId,
    myDepartments: staff.map((row) => row.department_id as string),
    reviews: leader ? 'all' : headed,
  };
}

export function mayReview(
  reach: BankReach,
  question: { unit_id: string; department_id: string | null },
): boolean {
  if (question.unit_id !== reach.unit.id) return false;
  if (reach.reviews === 'all') return true;
  return question.department_id !== null && reach.reviews.has(question.department_id);
}

type QuestionScope = ExpressionBuilder<
  DB & { q: DB['questions']; owner: DB['units']; owner_kind: DB['unit_kinds'] },
  'q' | 'owner' | 'owner_kind'
>;

/** The visibility rule as a where clause over `questions as q` joined with its owner unit and kind. */
export function visibleTo(reach: BankReach) {
  return (eb: QuestionScope) => {
    const here = eb('q.unit_id', '=', reach.unit.id);
    const shareRoot = sql<string>`case when ${eb.ref('owner_kind.category')} = 'school'
      then regexp_replace(${eb.ref('owner.path')}, '[^/]+/$', '') else ${eb.ref('owner.path')} end`;
    const reviewed =
      reach.reviews === 'all'
        ? [eb.and([here, eb('q.review_state', '<>', 'draft')])]
        : reach.reviews.size
          ? [
              eb.and([
                here,
                eb('q.review_state', '<>', 'draft'),
                eb('q.department_id', 'in', [...reach.reviews]),
              ]),
            ]
          : [];
    return eb.or([
      eb('q.author_user_id', '=', reach.userId),
      eb.and([here, eb('q.share_level', '=', 'school')]),
      ...(reach.myDepartments.length
        ? [
            eb.and([
              here,
              eb('q.share_level', '=', 'department'),
              eb('q.department_id', 'in', reach.myDepartments),
            ]),
          ]
        : []),
      eb.and([
        eb('q.share_level', '=', 'office'),
        sql<boolean>`starts_with(${reach.unit.path}, ${shareRoot})`,
      ]),
      ...reviewed,
    ]);
  };
}
