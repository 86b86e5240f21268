import {
  type Grade,
  type GradeSubject,
  isGrade,
  levelOfGrade,
  type Subject,
  type SubjectCode,
} from './subject.ts';
import { SUBJECTS } from './subjects.ts';

const BY_CODE = new Map<string, Subject>(SUBJECTS.map((subject) => [subject.code, subject]));

/** The catalogue entry for a subject code, or undefined for an unknown code. */
export function subjectByCode(code: string): Subject | undefined {
  return BY_CODE.get(code);
}

/**
 * Every subject taught in a grade — compulsory, elective and optional — with the name, periods, TT 22 assessment
 * kind (grades 6–12) and TT 27 periodic tests (grades 1–5) resolved for that grade, in catalogue order. Filter on
 * `status` for, e.g., the compulsory subjects only. An integer outside 1–12 gives an empty list.
 */
export function subjectsForGrade(grade: number): GradeSubject[] {
  if (!isGrade(grade)) return [];
  const result: GradeSubject[] = [];
  for (const subject of SUBJECTS) {
    const gradeSubject = resolve(subject, grade);
    if (gradeSubject) result.push(gradeSubject);
  }
  return result;
}

/** Periods per school year of a subject in a grade, or undefined when the subject is not taught in that grade. */
export function periodsPerYear(code: SubjectCode | string, grade: number): number | undefined {
  if (!isGrade(grade)) return undefined;
  return subjectByCode(code)?.grades[grade]?.periodsPerYear;
}

function resolve(subject: Subject, grade: Grade): GradeSubject | undefined {
  const offering = subject.grades[grade];
  if (!offering) return undefined;
  const level = levelOfGrade(grade);
  const names = subject.nameByLevel?.[level] ?? subject;
  const primary = level === 'primary';
  return {
    code: subject.code,
    name: names.name,
    shortName: names.shortName,
    grade,
    level,
    status: offering.status,
    periodsPerYear: offering.periodsPerYear,
    assessment: primary ? null : (subject.assessment ?? null),
    periodicTests: primary
      ? {
          endOfTerm: subject.primaryTests?.endOfTermGrades.includes(grade) ?? false,
          midTerm: subject.primaryTests?.midTermGrades.includes(grade) ?? false,
        }
      : null,
    confirmed: subject.confirmed && offering.confirmed,
    subject,
  };
}
