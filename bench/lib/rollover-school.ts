import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { BenchUnit } from './principal-context.ts';

const FROM = '2025-2026';
const TO = '2026-2027';
const CLASS_SIZE = 40;

/**
 * A lower secondary school (grades 6–9) under `parent` with `count` students in classes of 40 of 2025-2026 and their
 * year results closed: of every twenty students one retained, one without a final decision (summer pending), the
 * others promoted (grade 9 graduates). Written with plain SQL (setup, not measured).
 */
export async function seedRolloverSchool(
  db: Kysely<DB>,
  parent: { id: string; path: string },
  name: string,
  count: number,
): Promise<BenchUnit> {
  const unit = await db
    .insertInto('units')
    .values({
      parent_id: parent.id,
      kind: 'school',
      code: `BENCH-${name}-${Date.now()}`,
      name,
      path: 'pending',
      level: 'lower_secondary',
      grade_from: 6,
      grade_to: 9,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent.path}${unit.id}/`;
  await db.updateTable('units').set({ path }).where('id', '=', unit.id).execute();
  const perGrade = Math.ceil(count / 4 / CLASS_SIZE);
  await sql`
    insert into classes (unit_id, school_year, grade, name)
    select ${unit.id}, ${FROM}, g, g || 'A' || k from generate_series(6, 9) g, generate_series(1, ${perGrade}) k
  `.execute(db);
  await sql`
    insert into students (unit_id, full_name, search_text, status, status_since)
    select ${unit.id}, 'Học Sinh ' || i, 'hoc sinh ' || i, 'enrolled', '2025-09-05' from generate_series(1, ${count}) i
  `.execute(db);
  await sql`
    with s as (select id, row_number() over (order by id) - 1 as n from students where unit_id = ${unit.id}),
      c as (select id, row_number() over (order by grade, name) - 1 as k from classes
            where unit_id = ${unit.id} and school_year = ${FROM}),
      total as (select count(*) as classes from c)
    insert into enrolments (unit_id, class_id, student_id, school_year, enrolled_on)
    select ${unit.id}, c.id, s.id, ${FROM}, '2025-09-05' from s cross join total join c on c.k = s.n % total.classes
  `.execute(db);
  await sql`
    with e as (select class_id, student_id, row_number() over (order by student_id) % 20 as n from enrolments
               where unit_id = ${unit.id} and school_year = ${FROM})
    insert into student_results (unit_id, school_year, term, class_id, student_id, learning_result, conduct_result,
      promotion, final_promotion)
    select ${unit.id}, ${FROM}, 0, class_id, student_id, 'good', 'good',
      case n when 0 then 'retained' when 1 then 'retest' else 'promoted' end,
      case n when 0 then 'retained' when 1 then null else 'promoted' end
    from e
  `.execute(db);
  return { id: unit.id, path, name, kind: 'school' };
}

/**
 * The baseline: the rows the rollover writes (the new year's classes, the enrolments of the promoted and retained,
 * the graduations), written by raw set-based SQL on the same database — no checks, no audit, no plan. Returns the
 * number of students moved (enrolled or graduated).
 */
export async function rawRollover(db: Kysely<DB>, unitId: string): Promise<number> {
  const decided = sql`
    select e.student_id, c.grade, c.name, r.final_promotion,
      case when r.final_promotion = 'promoted' then c.grade + 1 else c.grade end as to_grade,
      case when r.final_promotion = 'promoted' then (c.grade + 1)::text || substr(c.name, length(c.grade::text) + 1)
        else c.name end as to_name
    from enrolments e
    join classes c on c.id = e.class_id
    join student_results r on r.student_id = e.student_id and r.school_year = ${FROM} and r.term = 0
    where e.unit_id = ${unitId} and e.school_year = ${FROM} and e.left_on is null and r.final_promotion is not null`;
  return db.transaction().execute(async (trx) => {
    await sql`
      insert into classes (unit_id, school_year, grade, name)
      select distinct ${unitId}::uuid, ${TO}, to_grade, to_name from (${decided}) d
      where not (final_promotion = 'promoted' and grade >= 9)
    `.execute(trx);
    const enrolled = await sql`
      insert into enrolments (unit_id, class_id, student_id, school_year, enrolled_on)
      select ${unitId}, nc.id, d.student_id, ${TO}, '2026-09-05' from (${decided}) d
      join classes nc on nc.unit_id = ${unitId} and nc.school_year = ${TO} and nc.name = d.to_name
      where not (d.final_promotion = 'promoted' and d.grade >= 9)
    `.execute(trx);
    const graduated = await sql`
      insert into student_status_history (unit_id, student_id, status, effective_on)
      select ${unitId}, student_id, 'graduated', current_date from (${decided}) d
      where final_promotion = 'promoted' and grade >= 9
    `.execute(trx);
    await sql`
      update students set status = 'graduated', status_since = current_date, updated_at = now()
      where unit_id = ${unitId} and id in (
        select student_id from (${decided}) d where final_promotion = 'promoted' and grade >= 9)
    `.execute(trx);
    return Number(enrolled.numAffectedRows ?? 0) + Number(graduated.numAffectedRows ?? 0);
  });
}
