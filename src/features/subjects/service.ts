import type { GradeSubjectView } from '#contracts/subjects.ts';
import { subjectsForGrade } from '../../domain/curriculum/catalogue.ts';
import type { ServiceContext } from '../../platform/context.ts';

/**
 * The subjects taught in a grade under the 2018 programme, from the domain catalogue. Public regulation data:
 * any signed-in user may read it (the context proves the sign-in).
 */
export function listSubjects(_ctx: ServiceContext, grade: number): GradeSubjectView[] {
  return subjectsForGrade(grade).map((s) => ({
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    grade: s.grade,
    level: s.level,
    status: s.status,
    periodsPerYear: s.periodsPerYear,
    assessment: s.assessment,
    periodicTests: s.periodicTests,
    confirmed: s.confirmed,
  }));
}
