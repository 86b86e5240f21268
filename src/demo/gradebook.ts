import { subjectsForGrade } from '../domain/curriculum/index.ts';
import {
  commentSubjectTermResult,
  PRIMARY_COMPETENCIES,
  PRIMARY_QUALITIES,
  regularAssessmentCount,
  termAverage,
} from '../domain/grading/index.ts';
import { CURRENT_YEAR, type Generator } from './context.ts';
import type { Random } from './random.ts';

// A living gradebook for the demo (TT22 grades 6–12, TT27 grades 1–5): teaching assignments, both terms' scores,
// term conduct and some absences for this year's classes. It draws from its own random stream so adding it leaves
// every other demo row (names, ids) exactly as before; ids come from the database (gen_random_uuid).

export interface DemoSubject {
  code: string;
  kind: 'score' | 'comment';
  periods: number;
  regular: number;
  primaryTest: boolean;
}

/** The compulsory subjects of a grade, as the close reads them (assessment kind from the curriculum). */
export function demoSubjects(grade: number): DemoSubject[] {
  return subjectsForGrade(grade)
    .filter((s) => s.status === 'compulsory' && (grade < 6 || s.assessment))
    .map((s) => ({
      code: s.code,
      kind: (s.assessment ?? 'score') as 'score' | 'comment',
      periods: s.periodsPerYear,
      regular: s.assessment === 'score' ? regularAssessmentCount(s.periodsPerYear) : 2,
      primaryTest: s.periodicTests?.endOfTerm ?? false,
    }));
}

/** One teacher per subject of the class, taken round the school's teachers. */
export function addAssignments(
  g: Generator,
  unitId: string,
  classId: string,
  grade: number,
  classIndex: number,
  teachers: readonly string[],
): DemoSubject[] {
  const subjects = demoSubjects(grade);
  if (teachers.length === 0) return [];
  subjects.forEach((s, j) => {
    g.out.add('teaching_assignments', {
      unit_id: unitId,
      school_year: CURRENT_YEAR,
      class_id: classId,
      subject_code: s.code,
      teacher_id: teachers[(classIndex * 7 + j) % teachers.length] as string,
      // Tiếng Việt grade 1 has 420 periods; the table allows up to 400 (periods only set ĐĐGtx counts, TT22).
      periods_per_year: Math.min(400, s.periods),
    });
  });
  return subjects;
}

const half = (v: number) => Math.min(10, Math.max(0, Math.round(v * 2) / 2));
const CONDUCT = ['excellent', 'good', 'pass', 'fail'] as const;

function conductLevel(rng: Random, ability: number): (typeof CONDUCT)[number] {
  const x = rng.next() - (ability - 6.5) * 0.06;
  return x < 0.62 ? 'excellent' : x < 0.9 ? 'good' : x < 0.985 ? 'pass' : 'fail';
}

/** Mondays to Fridays from 8 September 2025: the n-th school day. */
function schoolDay(n: number): string {
  const day = Date.UTC(2025, 8, 8) + (Math.floor(n / 5) * 7 + (n % 5)) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** Both terms of one student attending a class this year. */
export function addStudentGradebook(
  g: Generator,
  unitId: string,
  classId: string,
  grade: number,
  studentId: string,
  subjects: readonly DemoSubject[],
): void {
  const rng = g.gradebookRng;
  const ability = 4 + 5.6 * ((rng.next() + rng.next() + rng.next()) / 3);
  const base = { unit_id: unitId, school_year: CURRENT_YEAR, class_id: classId, student_id: studentId };
  if (grade >= 6) {
    for (const s of subjects) {
      const offset = (rng.next() - 0.5) * 2;
      for (const term of [1, 2] as const) {
        if (s.kind === 'score') {
          const score = () => half(ability + offset + (rng.next() - 0.5) * 3);
          const regular = Array.from({ length: s.regular }, score);
          const midterm = score();
          const final = score();
          g.out.add('subject_scores', {
            ...base,
            term,
            subject_code: s.code,
            regular,
            midterm,
            final,
            regular_results: [],
            midterm_result: null,
            final_result: null,
            term_average: termAverage({ regular, midterm, final }),
            term_result: null,
          });
        } else {
          const r = () => (rng.chance(0.985) ? ('pass' as const) : ('fail' as const));
          const results = [r(), r(), r(), r()];
          g.out.add('subject_scores', {
            ...base,
            term,
            subject_code: s.code,
            regular: [],
            midterm: null,
            final: null,
            regular_results: results.slice(0, 2),
            midterm_result: results[2] ?? null,
            final_result: results[3] ?? null,
            term_average: null,
            term_result: commentSubjectTermResult({ assessments: results, required: 4 }),
          });
        }
      }
    }
    for (const term of [1, 2] as const) {
      g.out.add('conduct_assessments', { ...base, term, level: conductLevel(rng, ability) });
    }
  } else {
    addPrimaryEvaluation(g, rng, base, ability, subjects);
  }
  // About a third of students miss a few sessions; a very few miss more than 45 (retained, TT22 Điều 12).
  const roll = rng.next();
  const absences = roll < 0.002 ? 48 : roll < 0.35 ? rng.int(1, 6) : 0;
  const start = absences > 10 ? rng.int(0, 100) : 0;
  const days = new Set<number>();
  while (days.size < absences) days.add(absences > 10 ? start + days.size : rng.int(0, 160));
  for (const d of days) {
    g.out.add('attendance', {
      ...base,
      date: schoolDay(d),
      session: 'morning',
      excused: rng.chance(0.7),
    });
  }
}

/** The end-of-year evaluation (TT27 checkpoint end2) of a primary student. */
function addPrimaryEvaluation(
  g: Generator,
  rng: Random,
  base: { unit_id: string; school_year: string; class_id: string; student_id: string },
  ability: number,
  subjects: readonly DemoSubject[],
) {
  const trait = () => {
    const x = ability + (rng.next() - 0.5) * 3;
    return x >= 6.5 ? 'good' : x >= 4 ? 'pass' : 'needs_effort';
  };
  for (const s of subjects) {
    const x = ability + (rng.next() - 0.5) * 3;
    g.out.add('primary_evaluations', {
      ...base,
      checkpoint: 'end2',
      aspect: `subject:${s.code}`,
      level: x >= 7 ? 'completed_well' : x >= 4 ? 'completed' : 'not_completed',
      // Test scores are whole numbers 1–10 as entered (contracts/results.ts primaryTestScore).
      test_score: s.primaryTest ? Math.min(10, Math.max(1, Math.round(x + 1))) : null,
    });
  }
  for (const q of PRIMARY_QUALITIES) {
    g.out.add('primary_evaluations', {
      ...base,
      checkpoint: 'end2',
      aspect: `quality:${q}`,
      level: trait(),
      test_score: null,
    });
  }
  for (const c of PRIMARY_COMPETENCIES) {
    g.out.add('primary_evaluations', {
      ...base,
      checkpoint: 'end2',
      aspect: `competence:${c}`,
      level: trait(),
      test_score: null,
    });
  }
}
