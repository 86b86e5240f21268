import type { Kysely } from 'kysely';
import { combinedSubjectOf } from '../../domain/grading/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ClassRow } from '../classes/queries.ts';

/**
 * What the học bạ form prints besides the year's data (TT22 appendix, issue 12 §2): the QUÁ TRÌNH HỌC TẬP table
 * from the enrolment history, the subject teachers who confirm each row, and the box "Trong bảng này có sửa chữa
 * ở … chỗ, thuộc các môn …" counted from the audited corrections. Read live for every print, one query per table
 * for the whole batch.
 */
export interface HocbaContext {
  /** One row per school year the student was enrolled in this school, oldest first. */
  history: { schoolYear: string; className: string; schoolName: string; enrolledOn: string }[];
  /** Subject code (a combined subject under its printed code) → the teachers' names. */
  teachers: Record<string, string>;
  /** One entry per corrected value ("chỗ") of this year's học bạ: the version that made it and its subject code. */
  corrections: { version: number; subject: string }[];
}

export const EMPTY_CONTEXT: HocbaContext = { history: [], teachers: {}, corrections: [] };

/** The contexts of these students of one class, keyed by student id. */
export async function hocbaContexts(
  db: Kysely<DB>,
  cls: ClassRow,
  studentIds: readonly string[],
): Promise<Map<string, HocbaContext>> {
  const out = new Map<string, HocbaContext>();
  if (studentIds.length === 0) return out;
  const [history, teachers, corrections] = await Promise.all([
    enrolmentHistory(db, cls.unit_id, studentIds),
    subjectTeachers(db, cls),
    correctionRows(db, cls, studentIds),
  ]);
  for (const id of studentIds) {
    out.set(id, {
      history: history.filter((h) => h.studentId === id).map(({ studentId: _, ...row }) => row),
      teachers,
      corrections: corrections.filter((c) => c.studentId === id).map(({ studentId: _, ...row }) => row),
    });
  }
  return out;
}

async function enrolmentHistory(db: Kysely<DB>, unitId: string, studentIds: readonly string[]) {
  const rows = await db
    .selectFrom('enrolments as e')
    .innerJoin('classes as c', (j) => j.onRef('c.id', '=', 'e.class_id').onRef('c.unit_id', '=', 'e.unit_id'))
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select([
      'e.student_id',
      'e.school_year',
      'e.enrolled_on',
      'c.name as class_name',
      'u.name as school_name',
    ])
    .where('e.unit_id', '=', unitId)
    .where('e.student_id', 'in', [...studentIds])
    .orderBy('e.school_year')
    .orderBy('e.enrolled_on')
    .execute();
  return rows.map((r) => ({
    studentId: r.student_id,
    schoolYear: r.school_year,
    className: r.class_name,
    schoolName: r.school_name,
    enrolledOn: r.enrolled_on,
  }));
}

/** The teachers assigned to the class's subjects; Âm nhạc and Mĩ thuật teachers both sign the Nghệ thuật row. */
async function subjectTeachers(db: Kysely<DB>, cls: ClassRow): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('teaching_assignments as t')
    .innerJoin('users as u', 'u.id', 't.teacher_id')
    .select(['t.subject_code', 'u.full_name'])
    .where('t.unit_id', '=', cls.unit_id)
    .where('t.class_id', '=', cls.id)
    .orderBy('t.subject_code')
    .execute();
  const names = new Map<string, string[]>();
  for (const r of rows) {
    const code = combinedSubjectOf(r.subject_code, cls.grade)?.code ?? r.subject_code;
    const list = names.get(code) ?? [];
    if (!list.includes(r.full_name)) list.push(r.full_name);
    names.set(code, list);
  }
  return Object.fromEntries([...names].map(([code, list]) => [code, list.join(', ')]));
}

/**
 * The audit rows of corrections (`correction.ts` writes `changes`: one entry per corrected value). The audit log
 * keys entities by text, so the versions are read first and their rows looked up by id.
 */
async function correctionRows(db: Kysely<DB>, cls: ClassRow, studentIds: readonly string[]) {
  const versions = await db
    .selectFrom('transcripts')
    .select(['id', 'student_id', 'version'])
    .where('unit_id', '=', cls.unit_id)
    .where('school_year', '=', cls.school_year)
    .where('student_id', 'in', [...studentIds])
    .where('version', '>', 1)
    .execute();
  if (versions.length === 0) return [];
  const byId = new Map(versions.map((v) => [String(v.id), v]));
  const rows = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'after'])
    .where('unit_id', '=', cls.unit_id)
    .where('entity', '=', 'transcript')
    .where('action', '=', 'correct')
    .where('entity_id', 'in', [...byId.keys()])
    .execute();
  return rows.flatMap((r) => {
    const version = byId.get(String(r.entity_id));
    if (!version) return [];
    const changes = (r.after as { changes?: { subject?: unknown }[] } | null)?.changes ?? [];
    return changes.map((c) => ({
      studentId: version.student_id,
      version: version.version,
      subject: String(c.subject),
    }));
  });
}
