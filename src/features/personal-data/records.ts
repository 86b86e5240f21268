import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

// The records the school holds about one student, read table by table (one query each) for the personal-data
// export. Every query names the student's school and the student; rows carry no internal ids (the JSON keeps the
// student's own id at the top only), so what the person receives is their data, not our keys.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function scoresOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('subject_scores')
    .select([
      'school_year',
      'term',
      'subject_code',
      'regular',
      'midterm',
      'final',
      'regular_results',
      'midterm_result',
      'final_result',
      'term_average',
      'term_result',
      'teacher_comment',
    ])
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['school_year', 'term', 'subject_code'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    term: r.term,
    subject: r.subject_code,
    regular: r.regular,
    midterm: r.midterm,
    final: r.final,
    regularResults: r.regular_results,
    midtermResult: r.midterm_result,
    finalResult: r.final_result,
    termAverage: r.term_average,
    termResult: r.term_result,
    teacherComment: r.teacher_comment,
  }));
}

export async function resultsOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('student_results')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['school_year', 'term'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    term: r.term,
    learning: r.learning_result,
    conduct: r.conduct_result,
    absentSessions: r.absent_sessions,
    promotion: r.promotion,
    finalPromotion: r.final_promotion,
    summerConduct: r.summer_conduct_result,
    learningAfterRetest: r.learning_after_retest,
    award: r.award,
    primaryOutcome: r.primary_outcome,
    primaryRecognition: r.primary_recognition,
    homeroomComment: r.homeroom_comment,
  }));
}

export async function subjectYearResultsOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('subject_year_results')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['school_year', 'subject_code'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    subject: r.subject_code,
    yearAverage: r.year_average,
    yearResult: r.year_result,
    retestScore: r.retest_score,
    retestResult: r.retest_result,
  }));
}

export async function primaryEvaluationsOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('primary_evaluations')
    .select(['school_year', 'checkpoint', 'aspect', 'level', 'test_score', 'comment'])
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['school_year', 'checkpoint', 'aspect'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    checkpoint: r.checkpoint,
    aspect: r.aspect,
    level: r.level,
    testScore: r.test_score,
    comment: r.comment,
  }));
}

export async function attendanceOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('attendance')
    .select(['school_year', 'date', 'session', 'excused', 'note'])
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['date', 'session'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    date: r.date,
    session: r.session,
    excused: r.excused,
    note: r.note,
  }));
}

export async function conductOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('conduct_assessments')
    .select(['school_year', 'term', 'level', 'comment'])
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy(['school_year', 'term'])
    .execute();
  return rows.map((r) => ({ schoolYear: r.school_year, term: r.term, level: r.level, comment: r.comment }));
}

/** The contact-book notes sent to the classes the student was in (the notes the family received). */
export async function contactBookNotesOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('class_notes as n')
    .innerJoin('enrolments as e', (join) =>
      join.onRef('e.class_id', '=', 'n.class_id').onRef('e.unit_id', '=', 'n.unit_id'),
    )
    .innerJoin('classes as c', 'c.id', 'n.class_id')
    .leftJoin('users as u', 'u.id', 'n.author_user_id')
    .select([
      'c.school_year',
      'c.name as class_name',
      'n.title',
      'n.body',
      'n.created_at',
      'u.full_name as author',
    ])
    .where('n.unit_id', '=', unitId)
    .where('e.student_id', '=', studentId)
    .orderBy('n.created_at')
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    className: r.class_name,
    title: r.title,
    body: r.body,
    sentAt: iso(r.created_at),
    author: r.author,
  }));
}

/** Every version of every học bạ, with what it printed (the stored snapshot of a signed or approved version). */
export async function transcriptsOf(db: Kysely<DB>, unitId: string, studentId: string) {
  const rows = await db
    .selectFrom('transcripts as t')
    .innerJoin('classes as c', 'c.id', 't.class_id')
    .leftJoin('users as s', 's.id', 't.homeroom_signed_by')
    .leftJoin('users as a', 'a.id', 't.approved_by')
    .select([
      't.school_year',
      'c.name as class_name',
      't.version',
      't.status',
      't.correction_reason',
      't.homeroom_signed_at',
      's.full_name as signed_by',
      't.approved_at',
      'a.full_name as approved_by',
      't.snapshot',
    ])
    .where('t.unit_id', '=', unitId)
    .where('t.student_id', '=', studentId)
    .orderBy(['t.school_year', 't.version'])
    .execute();
  return rows.map((r) => ({
    schoolYear: r.school_year,
    className: r.class_name,
    version: r.version,
    status: r.status,
    correctionReason: r.correction_reason,
    signedAt: iso(r.homeroom_signed_at),
    signedBy: r.signed_by,
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by,
    content: withoutIds(r.snapshot),
  }));
}

/** The student's own login and those of their guardians: names and contacts, never the password hash. */
export async function accountsOf(db: Kysely<DB>, userIds: readonly { userId: string; link: string }[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    // scope: the accounts linked to this student (their own, their guardians'), whichever unit manages them.
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'email', 'phone', 'is_active', 'last_login_at', 'created_at'])
    .where(
      'id',
      'in',
      userIds.map((u) => u.userId),
    )
    .execute();
  return rows.map((r) => ({
    link: userIds.find((u) => u.userId === r.id)?.link ?? null,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    active: r.is_active,
    lastLoginAt: iso(r.last_login_at),
    createdAt: iso(r.created_at),
  }));
}

/** A snapshot without its internal ids (student, class): the content as printed. */
function withoutIds(snapshot: unknown): unknown {
  if (!snapshot || typeof snapshot !== 'object') return snapshot;
  return JSON.parse(JSON.stringify(snapshot, (key, value) => (key === 'id' ? undefined : value)));
}
