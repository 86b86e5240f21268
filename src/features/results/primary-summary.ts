import type { Kysely } from 'kysely';
import type { PrimarySummary } from '#contracts/results.ts';
import { PRIMARY_COMPETENCIES, PRIMARY_QUALITIES } from '../../domain/grading/index.ts';
import { PRIMARY_OUTCOMES, PRIMARY_TRAIT_LEVELS } from '../../domain/grading/types.ts';
import type { DB } from '../../platform/db/schema.ts';

// Summaries of primary classes and grades under TT27 (Điều 9 khoản 2: the year outcome; Điều 13: the titles;
// Điều 7 khoản 2: qualities and competences at Tốt / Đạt / Cần cố gắng). They replace TT22's learning and conduct
// levels, which a primary pupil never gets. Every list counts the pupils not evaluated yet, so it adds up to the
// pupils counted.

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((1000 * n) / total) / 10);

const TRAITS = [
  ...PRIMARY_QUALITIES.map((label) => ({ aspect: `quality:${label}`, label, kind: 'quality' as const })),
  ...PRIMARY_COMPETENCIES.map((label) => ({
    aspect: `competence:${label}`,
    label,
    kind: 'competence' as const,
  })),
];

/** One pupil as the summary counts them: the year outcome and title, and the end-of-year trait levels by aspect. */
export interface PrimaryPupil {
  outcome: string | null;
  award: string | null;
  traits: ReadonlyMap<string, string>;
}

/** Counts over the pupils given (a class's members, or a grade's pupils with a year row). */
export function primarySummaryOf(pupils: readonly PrimaryPupil[]): PrimarySummary {
  const students = pupils.length;
  const evaluated = (level: string | null | undefined) => level ?? 'not_evaluated';
  const outcomes = [...PRIMARY_OUTCOMES, 'not_evaluated' as const].map((outcome) => {
    const count = pupils.filter((p) => evaluated(p.outcome) === outcome).length;
    return { outcome, count, percent: pct(count, students) };
  });
  return {
    students,
    outcomes,
    awards: {
      outstanding: pupils.filter((p) => p.award === 'outstanding').length,
      exemplary: pupils.filter((p) => p.award === 'exemplary').length,
    },
    traits: TRAITS.map((t) => ({
      ...t,
      counts: [...PRIMARY_TRAIT_LEVELS, 'not_evaluated' as const].map((level) => ({
        level,
        count: pupils.filter((p) => evaluated(p.traits.get(t.aspect)) === level).length,
      })),
    })),
  };
}

/** End-of-year (checkpoint end2) quality and competence levels of these classes' pupils, by student and aspect. */
export async function endOfYearTraits(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const byStudent = new Map<string, Map<string, string>>();
  if (classIds.length === 0) return byStudent;
  const rows = await db
    .selectFrom('primary_evaluations')
    .select(['student_id', 'class_id', 'aspect', 'level'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('checkpoint', '=', 'end2')
    .where('class_id', 'in', classIds)
    .where((eb) => eb.or([eb('aspect', 'like', 'quality:%'), eb('aspect', 'like', 'competence:%')]))
    .execute();
  for (const r of rows) {
    const m = byStudent.get(r.student_id) ?? new Map<string, string>();
    m.set(r.aspect, r.level);
    byStudent.set(r.student_id, m);
  }
  return byStudent;
}

/**
 * Per primary grade of a school, the year (term 0): the pupils with a year row — the year close writes one for every
 * member of a class, evaluated or not — with their outcome, title and end-of-year traits.
 */
export async function primarySummaryByGrade(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<Map<number, PrimarySummary>> {
  const rows = await db
    .selectFrom('student_results as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .select(['c.grade', 'r.class_id', 'r.student_id', 'r.primary_outcome', 'r.award'])
    .where('r.unit_id', '=', unitId)
    .where('c.unit_id', '=', unitId)
    .where('r.school_year', '=', schoolYear)
    .where('r.term', '=', 0)
    .where('c.grade', '<=', 5)
    .execute();
  const traits = await endOfYearTraits(db, unitId, schoolYear, [...new Set(rows.map((r) => r.class_id))]);
  const byGrade = new Map<number, PrimaryPupil[]>();
  for (const r of rows) {
    const list = byGrade.get(r.grade) ?? [];
    list.push({ outcome: r.primary_outcome, award: r.award, traits: traits.get(r.student_id) ?? new Map() });
    byGrade.set(r.grade, list);
  }
  return new Map([...byGrade].map(([grade, pupils]) => [grade, primarySummaryOf(pupils)]));
}
