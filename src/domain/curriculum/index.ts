export { periodsPerYear, subjectByCode, subjectsForGrade } from './catalogue.ts';
export {
  type AssessmentKind,
  type Grade,
  type GradeOffering,
  type GradeSubject,
  isGrade,
  levelOfGrade,
  type OfferingStatus,
  type SchoolLevel,
  type Subject,
  type SubjectCode,
  type SubjectName,
} from './subject.ts';
export {
  SUBJECTS,
  UPPER_SECONDARY_ELECTIVES_TO_CHOOSE,
  UPPER_SECONDARY_LEARNING_TOPIC_PERIODS,
} from './subjects.ts';
