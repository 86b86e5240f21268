import { foldVietnamese } from '../domain/text/index.ts';
import type { SchoolLevel } from '../platform/db/schema.ts';
import { addClassesAndStudents, gradesOf, type StudentPreset } from './classes.ts';
import type { Generator, UnitRef } from './context.ts';
import type { Commune } from './people.ts';
import { addQuotas, addStaff, type StaffRef } from './staff.ts';
import { genericStaffPlan, type StaffSpec } from './staffing.ts';
import { addUnit } from './units.ts';

const LEVEL_NAMES: Record<SchoolLevel, { full: string; short: string }> = {
  preschool: { full: 'Trường Mầm non', short: 'MN' },
  primary: { full: 'Trường Tiểu học', short: 'TH' },
  lower_secondary: { full: 'Trường Trung học cơ sở', short: 'THCS' },
  upper_secondary: { full: 'Trường Trung học phổ thông', short: 'THPT' },
  multi_level: { full: 'Trường Tiểu học và Trung học cơ sở', short: 'TH&THCS' },
  continuing_ed: { full: 'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên', short: 'TT GDNN-GDTX' },
};

export interface SchoolSpec {
  parent: UnitRef;
  code: string;
  level: SchoolLevel;
  /** The school's own name after the level words ("Lê Quý Đôn"). */
  name: string;
  commune: Commune;
  communes: readonly Commune[];
  classesPerStep: readonly number[];
  classSize: readonly [number, number];
  /** Posts; by default derived from the classes (about one staff member per 18 students). */
  staff?: readonly StaffSpec[];
  quotas?: ReadonlyMap<string, number>;
  presets?: ReadonlyMap<string, StudentPreset>;
  /** Demo logins for the principal and the first class teacher (giáo viên dạy lớp), printed at start. */
  logins?: { principal: string; teacher: string };
}

export interface SchoolResult {
  unit: UnitRef;
  staff: StaffRef[];
  attending: number;
}

/** Adds a school with its staff, staffing table, classes of two years, students and guardians. */
export function addSchool(g: Generator, spec: SchoolSpec): SchoolResult {
  const names = LEVEL_NAMES[spec.level];
  const short = `${names.short} ${spec.name}`;
  const unit = {
    ...addUnit(g, {
      parent: spec.parent,
      kind: 'school',
      code: spec.code,
      name: `${names.full} ${spec.name}`,
      shortName: short,
      level: spec.level,
      commune: spec.commune,
      communes: spec.communes,
      email: `${foldVietnamese(short).replace(/[^a-z0-9]/g, '')}.${spec.code.toLowerCase()}@truongso-demo.edu.vn`,
    }),
    level: spec.level,
  };
  const grades = gradesOf(spec.level);
  const classGrades = grades.flatMap((grade, s) => Array<number>(spec.classesPerStep[s] ?? 1).fill(grade));
  const averageSize = (spec.classSize[0] + spec.classSize[1]) / 2;
  const generic = spec.staff ?? genericStaffPlan(spec.level, classGrades, classGrades.length * averageSize);
  const plan = spec.logins ? withLogins(generic, spec.logins) : generic;
  const staff = addStaff(g, unit, plan);
  addQuotas(g, unit, plan, spec.quotas);
  const attending = addClassesAndStudents(g, {
    unit,
    classesPerStep: spec.classesPerStep,
    classSize: spec.classSize,
    homeroomTeachers: staff.filter((s) => s.spec.position === 'teacher').map((s) => s.id),
    presets: spec.presets,
  });
  return { unit, staff, attending };
}

/**
 * Gives the school's principal and its first class teacher (a teacher with no main subject, who leads a class and
 * teaches several of its subjects) their demo logins; the plan is otherwise unchanged.
 */
function withLogins(plan: readonly StaffSpec[], logins: { principal: string; teacher: string }): StaffSpec[] {
  const principal = plan.findIndex((s) => s.position === 'principal');
  const teacher = plan.findIndex((s) => s.position === 'teacher' && !s.mainSubject);
  return plan.map((spec, i) => {
    if (i === principal) return { ...spec, login: { username: logins.principal, roles: ['principal'] } };
    if (i === teacher) return { ...spec, login: { username: logins.teacher, roles: ['teacher'] } };
    return spec;
  });
}
