import type { SchoolLevel, StudentStatus } from '../platform/db/schema.ts';
import { CURRENT_YEAR, type Generator, LAST_YEAR, type UnitRef } from './context.ts';
import { addAssignments, addStudentGradebook, type DemoSubject } from './gradebook.ts';
import { addStudent, type StudentSpec } from './students.ts';

/** One year of a school's course (a grade, or an age group in preschool), with who sits in it in 2025-2026. */
interface Step {
  grade: number;
  className(index: number): string;
  /** Birth year of a child on time in this step in 2025-2026 (grade 1 → born 2019). */
  birthYear: number;
}

const gradeSteps = (from: number, to: number, yearsLate = 0): Step[] =>
  Array.from({ length: to - from + 1 }, (_, k) => {
    const grade = from + k;
    return { grade, className: (i) => `${grade}A${i + 1}`, birthYear: 2020 - grade - yearsLate };
  });

/** Preschool age groups: nhà trẻ is left out; mẫu giáo 3, 4 and 5 tuổi are Mầm, Chồi, Lá. */
const PRESCHOOL_STEPS: Step[] = [
  ['Mầm', 2022],
  ['Chồi', 2021],
  ['Lá', 2020],
].map(([label, birthYear]) => ({
  grade: 0,
  className: (i: number) => `${label} ${String.fromCharCode(65 + i)}`,
  birthYear: birthYear as number,
}));

function stepsFor(level: SchoolLevel): Step[] {
  switch (level) {
    case 'preschool':
      return PRESCHOOL_STEPS;
    case 'primary':
      return gradeSteps(1, 5);
    case 'lower_secondary':
      return gradeSteps(6, 9);
    case 'upper_secondary':
      return gradeSteps(10, 12);
    case 'multi_level':
      return gradeSteps(1, 9);
    case 'continuing_ed':
      // Learners at a GDTX centre are often a year or more behind their age group.
      return gradeSteps(10, 12, 1);
  }
}

export function gradesOf(level: SchoolLevel): number[] {
  return stepsFor(level).map((s) => s.grade);
}

/** A preset child (demo accounts): keyed by "<class name>#<position in class>". */
export type StudentPreset = Pick<StudentSpec, 'family' | 'child' | 'userId'>;

export interface SchoolPlan {
  unit: UnitRef & { level: SchoolLevel };
  /** Classes per step this year, entry step first; last year's classes follow the same cohorts. */
  classesPerStep: readonly number[];
  classSize: readonly [number, number];
  /** Staff ids in the order they are given homeroom classes (this year's first class gets the first). */
  homeroomTeachers: readonly string[];
  presets?: ReadonlyMap<string, StudentPreset>;
}

interface ClassRef {
  id: string;
  name: string;
}

const YEAR_START = { [CURRENT_YEAR]: '2025-09-05', [LAST_YEAR]: '2024-09-05' } as const;
const LAST_YEAR_END = '2025-05-31';

/**
 * This year's and last year's classes with their students: this year's grade-7 class 7A2 was last year's 6A2
 * (the cohort and usually its homeroom teacher move up together), last year's top classes graduated, and a few
 * students transfer in, transfer out or drop out during the year. Returns the number of students now attending.
 */
export function addClassesAndStudents(g: Generator, plan: SchoolPlan): number {
  const steps = stepsFor(plan.unit.level);
  const top = steps.length - 1;
  const countAt = (s: number) => plan.classesPerStep[Math.min(s, top)] ?? 1;
  const teachers = plan.homeroomTeachers;
  let k = 0;
  const current = steps.map((step, s) =>
    Array.from({ length: countAt(s) }, (_, i) =>
      addClass(g, plan, step, i, CURRENT_YEAR, teachers[k++ % teachers.length]),
    ),
  );
  // Last year's step s holds this year's step s+1 (same teacher); last year's leavers get the next teachers.
  const last = steps.map((step, s) =>
    Array.from({ length: countAt(s + 1) }, (_, i) => {
      const teacher = s < top ? homeroomOf(current, s + 1, i, teachers) : teachers[k++ % teachers.length];
      return addClass(g, plan, step, i, LAST_YEAR, teacher);
    }),
  );
  let attending = 0;
  let classIndex = 0;
  steps.forEach((step, s) => {
    current[s]?.forEach((cls, i) => {
      // This year's gradebook: who teaches what, then each attending student's scores (grades 1–12 only).
      const subjects =
        step.grade >= 1 ? addAssignments(g, plan.unit.id, cls.id, step.grade, classIndex++, teachers) : [];
      const size = g.rng.int(plan.classSize[0], plan.classSize[1]);
      for (let p = 0; p < size; p++) {
        const earlier = s > 0 ? last[s - 1]?.[i] : undefined;
        const id = addCurrentStudent(
          g,
          plan,
          cls,
          earlier,
          step.birthYear,
          s,
          plan.presets?.get(`${cls.name}#${p}`),
        );
        if (id) {
          attending++;
          if (subjects.length > 0) gradebookOf(g, plan, cls, step.grade, id, subjects);
        }
      }
    });
  });
  for (const cls of last[top] ?? []) {
    const size = g.rng.int(plan.classSize[0], plan.classSize[1]);
    for (let p = 0; p < size; p++) addGraduate(g, plan, cls, (steps[top]?.birthYear ?? 2010) - 1, top);
  }
  return attending;
}

const homeroomOf = (
  current: { teacher: string | undefined }[][],
  s: number,
  i: number,
  teachers: readonly string[],
) => current[s]?.[i]?.teacher ?? teachers[0];

function addClass(
  g: Generator,
  plan: SchoolPlan,
  step: Step,
  index: number,
  year: typeof CURRENT_YEAR | typeof LAST_YEAR,
  teacher: string | undefined,
): ClassRef & { teacher: string | undefined } {
  const id = g.ids.next();
  const name = step.className(index);
  g.out.add('classes', {
    id,
    unit_id: plan.unit.id,
    school_year: year,
    grade: step.grade,
    name,
    homeroom_teacher_id: teacher ?? null,
    room: `P.${101 + index + 100 * (step.grade % 4)}`,
  });
  return { id, name, teacher };
}

function gradebookOf(
  g: Generator,
  plan: SchoolPlan,
  cls: ClassRef,
  grade: number,
  studentId: string,
  subjects: readonly DemoSubject[],
) {
  addStudentGradebook(g, plan.unit.id, cls.id, grade, studentId, subjects);
}

/** Adds a student of this year's class `cls`; returns their id while they still attend, else null. */
function addCurrentStudent(
  g: Generator,
  plan: SchoolPlan,
  cls: ClassRef,
  earlier: ClassRef | undefined,
  birthYear: number,
  step: number,
  preset: StudentPreset | undefined,
): string | null {
  const { rng } = g;
  const transferredIn = !preset && earlier !== undefined && rng.chance(0.02);
  const continuing = earlier !== undefined && !transferredIn;
  const entry = continuing ? `${2025 - step}-09-05` : YEAR_START[CURRENT_YEAR];
  const history: StudentSpec['history'] = [
    transferredIn
      ? { status: 'transferred_in', on: entry, reason: 'Chuyển đến từ trường khác' }
      : { status: 'enrolled', on: entry },
  ];
  const leaving = preset ? undefined : leavingEvent(g);
  if (leaving) history.push(leaving);
  const latest = history[history.length - 1] as { status: StudentStatus; on: string };
  const id = addStudent(g, {
    unit: plan.unit,
    birthYear,
    status: latest.status,
    statusSince: latest.on,
    history,
    ...preset,
  });
  enrol(g, plan, cls, id, CURRENT_YEAR, leaving?.on ?? null);
  if (continuing && earlier) enrol(g, plan, earlier, id, LAST_YEAR, null);
  return leaving ? null : id;
}

/** Some students leave during the year: about 0.4 % transfer out and 0.15 % drop out between October and January. */
function leavingEvent(g: Generator): StudentSpec['history'][number] | undefined {
  const roll = g.rng.next();
  if (roll >= 0.0055) return undefined;
  const on = new Date(Date.UTC(2025, 9, 1) + g.rng.int(0, 100) * 86_400_000).toISOString().slice(0, 10);
  return roll < 0.004
    ? {
        status: 'transferred_out',
        on,
        reason: g.rng.pick(['Chuyển theo gia đình đến tỉnh khác', 'Chuyển trường gần nhà']),
      }
    : {
        status: 'dropped_out',
        on,
        reason: g.rng.pick(['Hoàn cảnh gia đình khó khăn', 'Đi làm cùng gia đình']),
      };
}

function addGraduate(g: Generator, plan: SchoolPlan, cls: ClassRef, birthYear: number, top: number): void {
  const entered = `${2024 - top}-09-05`;
  const id = addStudent(g, {
    unit: plan.unit,
    birthYear,
    status: 'graduated',
    statusSince: LAST_YEAR_END,
    history: [
      { status: 'enrolled', on: entered },
      { status: 'graduated', on: LAST_YEAR_END },
    ],
  });
  enrol(g, plan, cls, id, LAST_YEAR, null);
}

function enrol(
  g: Generator,
  plan: SchoolPlan,
  cls: ClassRef,
  studentId: string,
  year: typeof CURRENT_YEAR | typeof LAST_YEAR,
  leftOn: string | null,
): void {
  g.out.add('enrolments', {
    id: g.ids.next(),
    unit_id: plan.unit.id,
    class_id: cls.id,
    student_id: studentId,
    school_year: year,
    enrolled_on: YEAR_START[year],
    left_on: leftOn,
  });
}
