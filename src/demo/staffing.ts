import { subjectsForGrade } from '../domain/curriculum/index.ts';
import type { SchoolLevel } from '../platform/db/schema.ts';
import type { LoginSpec } from './context.ts';

export type Position =
  | 'principal'
  | 'vice_principal'
  | 'teacher'
  | 'staff'
  | 'office_head'
  | 'office_deputy'
  | 'specialist';

/** Support-staff roles the demo uses (a subset of the staff feature's list). */
export type SupportRole =
  | 'accountant'
  | 'clerk'
  | 'librarian'
  | 'equipment'
  | 'medical'
  | 'security'
  | 'cook';

/** One post of a school or office, before a person is generated for it. */
export interface StaffSpec {
  position: Position;
  /** Subject code of a teacher; null for a primary/preschool class teacher (giáo viên dạy lớp). */
  mainSubject?: string | null;
  staffRole?: SupportRole;
  department?: string;
  login?: LoginSpec;
}

export const OFFICE_DEPARTMENT = 'Tổ Văn phòng';

/** Subjects taught by the class teacher in primary school rather than by a subject specialist. */
const PRIMARY_SPECIALIST_SUBJECTS = new Set([
  'foreign-language-1',
  'physical-education',
  'arts-music',
  'arts-fine-arts',
  'informatics-technology',
]);
/** Taken by the homeroom teacher or folded into other subjects: no teacher post of their own. */
const NO_POST_SUBJECTS = new Set(['experiential-activities', 'local-education']);
/** Each upper-secondary student takes 4 of the 9 electives (TT 13/2022), so each is taught to about 4/9 of them. */
const ELECTIVE_SHARE = 4 / 9;

/**
 * Teaching periods a school needs per teacher group in a year: what its classes are taught, subject by subject
 * (primary class-teacher subjects pooled as "general", preschool wholly general).
 */
function teachingDemand(grades: readonly number[]): Map<string, number> {
  const demand = new Map<string, number>();
  for (const grade of grades) {
    const subjects = subjectsForGrade(grade);
    if (subjects.length === 0) demand.set('general', (demand.get('general') ?? 0) + 1);
    for (const s of subjects) {
      if (s.status === 'optional' || NO_POST_SUBJECTS.has(s.code)) continue;
      const group = s.level === 'primary' && !PRIMARY_SPECIALIST_SUBJECTS.has(s.code) ? 'general' : s.code;
      const periods = s.periodsPerYear * (s.status === 'elective' ? ELECTIVE_SHARE : 1);
      demand.set(group, (demand.get(group) ?? 0) + periods);
    }
  }
  return demand;
}

/** Splits `total` posts over groups in proportion to demand (largest remainder), in a stable order. */
function apportion(total: number, demand: Map<string, number>): [string, number][] {
  const sum = [...demand.values()].reduce((a, b) => a + b, 0);
  const shares = [...demand].map(([group, d]) => ({ group, exact: (total * d) / sum }));
  const result = shares.map((s) => ({ group: s.group, n: Math.floor(s.exact), rest: s.exact % 1 }));
  let left = total - result.reduce((a, r) => a + r.n, 0);
  for (const r of [...result].sort((a, b) => b.rest - a.rest)) {
    if (left-- <= 0) break;
    r.n++;
  }
  return result.map((r) => [r.group, r.n]);
}

const SUPPORT_BY_LEVEL: Record<SchoolLevel, readonly SupportRole[]> = {
  preschool: ['accountant', 'medical', 'cook', 'security', 'cook', 'clerk'],
  primary: ['accountant', 'clerk', 'librarian', 'medical', 'security', 'equipment'],
  lower_secondary: ['accountant', 'clerk', 'librarian', 'equipment', 'medical', 'security'],
  upper_secondary: ['accountant', 'clerk', 'librarian', 'equipment', 'medical', 'security', 'equipment'],
  multi_level: ['accountant', 'clerk', 'librarian', 'equipment', 'medical', 'security'],
  continuing_ed: ['accountant', 'clerk', 'librarian', 'security'],
};

/**
 * Posts of a generated school: about one staff member per 18 students (never fewer than one class teacher per
 * class), one principal, one or two vice principals, a few support staff, and teachers per subject in proportion
 * to the periods the school's classes need.
 */
export function genericStaffPlan(
  level: SchoolLevel,
  classGrades: readonly number[],
  students: number,
): StaffSpec[] {
  const vicePrincipals = students > 900 ? 2 : 1;
  const supportRoles = SUPPORT_BY_LEVEL[level];
  const support = Math.min(supportRoles.length, Math.max(2, Math.round(students / 120)));
  const teachers = Math.max(classGrades.length, Math.round(students / 18) - 1 - vicePrincipals - support);
  const demand = teachingDemand(classGrades);
  const plan: StaffSpec[] = [];
  const groups = apportion(teachers, demand);
  const leadSubject = groups.reduce((best, g) => (g[1] > best[1] ? g : best))[0];
  const subjectOf = (group: string) => (group === 'general' ? null : group);
  plan.push({ position: 'principal', mainSubject: subjectOf(leadSubject) });
  for (let i = 0; i < vicePrincipals; i++)
    plan.push({ position: 'vice_principal', mainSubject: subjectOf(leadSubject) });
  for (const [group, n] of groups) {
    for (let i = 0; i < n; i++) plan.push({ position: 'teacher', mainSubject: subjectOf(group) });
  }
  for (const role of supportRoles.slice(0, support)) plan.push({ position: 'staff', staffRole: role });
  return plan.map((spec) => ({ ...spec, department: spec.department ?? departmentOf(level, spec) }));
}

/** Tổ chuyên môn by level: which team a teacher of a subject joins; support staff form the office team. */
function departmentOf(level: SchoolLevel, spec: StaffSpec): string {
  if (spec.position === 'staff') return OFFICE_DEPARTMENT;
  const subject = spec.mainSubject ?? 'general';
  if (level === 'preschool') return 'Tổ Chuyên môn';
  if (level === 'continuing_ed') return 'Tổ Văn hóa';
  if (level === 'upper_secondary') return UPPER_DEPARTMENTS[subject] ?? 'Tổ Khoa học xã hội';
  if (level === 'primary') return subject === 'general' ? 'Tổ Khối lớp' : 'Tổ Bộ môn';
  if (subject === 'general' || subject === 'informatics-technology') return 'Tổ Tiểu học';
  return LOWER_NATURAL.has(subject) ? 'Tổ Khoa học tự nhiên' : 'Tổ Khoa học xã hội';
}

const LOWER_NATURAL = new Set(['math', 'natural-science', 'technology', 'informatics', 'physical-education']);
const UPPER_DEPARTMENTS: Record<string, string> = {
  math: 'Tổ Toán – Tin',
  informatics: 'Tổ Toán – Tin',
  physics: 'Tổ Khoa học tự nhiên',
  chemistry: 'Tổ Khoa học tự nhiên',
  biology: 'Tổ Khoa học tự nhiên',
  technology: 'Tổ Khoa học tự nhiên',
  literature: 'Tổ Ngữ văn',
  'foreign-language-1': 'Tổ Ngoại ngữ',
  'physical-education': 'Tổ Thể dục – Quốc phòng',
  'national-defence': 'Tổ Thể dục – Quốc phòng',
};

/** The staffing-table group a post counts in ('leadership', 'teacher:<subject>', 'support:<role>', 'specialist'). */
function staffingGroupOf(spec: StaffSpec): string {
  switch (spec.position) {
    case 'principal':
    case 'vice_principal':
    case 'office_head':
    case 'office_deputy':
      return 'leadership';
    case 'specialist':
      return 'specialist';
    case 'teacher':
      return `teacher:${spec.mainSubject ?? 'general'}`;
    case 'staff':
      return `support:${spec.staffRole ?? 'other'}`;
  }
}

/** Current posts per staffing group, in first-seen order. */
export function countByGroup(plan: readonly StaffSpec[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const spec of plan) counts.set(staffingGroupOf(spec), (counts.get(staffingGroupOf(spec)) ?? 0) + 1);
  return counts;
}
