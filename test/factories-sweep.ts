import type { Kysely } from 'kysely';
import { XLSX_MIME } from '#contracts/common.ts';
import type { Role } from '#contracts/roles.ts';
import { type AssessmentAnswers, scoreAssessment } from '../src/domain/assessment-catalogue/index.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../src/domain/dx-index/index.ts';
import type { DB, Row } from '../src/platform/db/schema.ts';
import {
  answers4725,
  buildAssessmentCampaign,
  buildClass,
  buildDepartment,
  buildEnrolment,
  buildGuardian,
  buildProvince,
  buildStaff,
  buildStudent,
  buildUser,
  fillAssessment,
} from './factories.ts';
import { buildWorkbook } from './factories-imports.ts';
import { buildStudentResult, buildSubjectScores, buildTeachingAssignment } from './factories-transcripts.ts';

// The fixture of the cross-scope sweep (src/scope-sweep.test.ts): school A holds one object of each kind a route
// takes the id of; school B, office B and a guardian of a school-B child are the foreign actors.

/** The criterion of the national school catalogue (QĐ 4725) the sweep answers, reviews and attaches evidence to. */
export const SWEEP_ITEM_ID = 'I.1';

/** Names and numbers of school A's people: no answer to a foreign actor may contain one of them. */
export const SCHOOL_A_PERSONAL_DATA = [
  'Trần Văn Học Trò',
  '001213000017',
  'Trần Thị Phụ Huynh',
  '0912000017',
  'Lê Thị Giáo Viên',
  '001190000017',
  'Nguyễn Thị Hiệu Trưởng',
];

async function storeTestFile(
  db: Kysely<DB>,
  unitId: string,
  purpose: string,
  fileName: string,
  file: { mimeType: string; content: Buffer } = {
    mimeType: 'application/pdf',
    content: Buffer.from('%PDF-1.4'),
  },
) {
  return db
    .insertInto('stored_files')
    .values({
      unit_id: unitId,
      file_name: fileName,
      mime_type: file.mimeType,
      size_bytes: file.content.length,
      sha256: '0'.repeat(64),
      content: file.content,
      purpose,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * buildProvince with school A populated (staff, department, users, a student with a guardian account, two classes,
 * an enrolment, a teaching assignment, scores, a term result, a locked term with an unlock, a class PDF file, a
 * contact-book note, a job, a notification, an import file, and a published DX campaign of office A with the
 * school's assessment recognised at Mức 2, file evidence, a review team and the decision), plus the
 * foreign accounts: principal of school B (ht.b), office B's admin (phong.b) and specialist (phong.b.cv), and a
 * guardian of a school-B child (ph.b).
 */
export async function buildSweepProvince(db: Kysely<DB>) {
  const units = await buildProvince(db);
  const { schoolA, schoolB, officeA, officeB } = units;
  const user = (unit: Pick<Row<'units'>, 'id'>, username: string, role: Role, fullName?: string) =>
    buildUser(db, { unit, username, fullName, roles: [{ role }] });

  const principalA = await user(schoolA, 'ht.a', 'principal', 'Nguyễn Thị Hiệu Trưởng');
  const officeAdminA = await user(officeA, 'phong.a', 'office_admin');
  const teacherUser = await user(schoolA, 'gv.a', 'teacher', 'Lê Thị Giáo Viên');
  const roleAssignment = await db
    .selectFrom('role_assignments')
    .select('id')
    .where('user_id', '=', teacherUser.id)
    .executeTakeFirstOrThrow();
  const department = await buildDepartment(db, { unit: schoolA, name: 'Tổ Toán' });
  const staff = await buildStaff(db, {
    unit: schoolA,
    fullName: 'Lê Thị Giáo Viên',
    user: teacherUser,
    department,
    nationalId: '001190000017',
  });
  const cls = await buildClass(db, { unit: schoolA, name: '6A1', grade: 6, homeroomTeacher: staff });
  const cls2 = await buildClass(db, { unit: schoolA, name: '6A2', grade: 6 });
  const student = await buildStudent(db, {
    unit: schoolA,
    fullName: 'Trần Văn Học Trò',
    nationalId: '001213000017',
  });
  await buildEnrolment(db, { student, cls });
  const guardianUser = await user(schoolA, 'ph.a', 'guardian', 'Trần Thị Phụ Huynh');
  const guardian = await buildGuardian(db, {
    student,
    fullName: 'Trần Thị Phụ Huynh',
    phone: '0912000017',
    user: guardianUser,
  });
  const assignment = await buildTeachingAssignment(db, { cls, subjectCode: 'math', teacher: staff });
  await buildSubjectScores(db, {
    cls,
    student,
    subjectCode: 'math',
    term: 1,
    regular: [8, 9],
    midterm: 8,
    final: 9,
  });
  await buildStudentResult(db, { cls, student, term: 1, learning: 'good', conduct: 'good' });
  await db
    .insertInto('gradebook_terms')
    .values({ unit_id: schoolA.id, school_year: '2025-2026', term: 1, locked_at: new Date() })
    .execute();
  const unlock = await db
    .insertInto('gradebook_unlocks')
    .values({
      unit_id: schoolA.id,
      school_year: '2025-2026',
      term: 1,
      class_id: cls.id,
      kind: 'subject',
      subject_code: 'math',
      reason: 'Sửa điểm nhập nhầm',
      unlocked_by: principalA.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const transcriptFile = await storeTestFile(
    db,
    schoolA.id,
    `transcripts_class_pdf:${cls.id}`,
    'hoc-ba-6A1.pdf',
  );
  // A real student workbook: its errors workbook can be rebuilt for school A's own principal.
  const importFile = await storeTestFile(db, schoolA.id, 'import', 'hoc-sinh.xlsx', {
    mimeType: XLSX_MIME,
    content: await buildWorkbook('Học sinh', ['Họ và tên'], [['Nguyễn Văn Sweep']]),
  });
  const note = await db
    .insertInto('class_notes')
    .values({
      unit_id: schoolA.id,
      class_id: cls.id,
      author_user_id: teacherUser.id,
      title: 'Họp phụ huynh',
      body: 'Họp phụ huynh lúc 8 giờ thứ Bảy.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A question of school A's bank, shared with the school and submitted for review (every route can act on it).
  const questionBody = {
    type: 'short_answer',
    stem: 'Thủ đô của Việt Nam?',
    answer: { kind: 'text', accepted: ['Hà Nội'], ignoreDiacritics: false },
  };
  const question = await db
    .insertInto('questions')
    .values({
      unit_id: schoolA.id,
      author_user_id: principalA.id,
      share_level: 'school',
      subject_code: 'history-geography',
      grade: 6,
      type: 'short_answer',
      body: JSON.stringify(questionBody),
      search_text: 'thu do cua viet nam',
      fingerprint: 'sweep',
      review_state: 'submitted',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const job = await db
    .insertInto('jobs')
    .values({
      unit_id: schoolA.id,
      kind: 'transcripts.class_pdf',
      status: 'succeeded',
      created_by: principalA.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notification = await db
    .insertInto('notifications')
    .values({ unit_id: schoolA.id, user_id: principalA.id, kind: 'test', title: 'Học bạ đã duyệt' })
    .returning('id')
    .executeTakeFirstOrThrow();

  const catalogue = NATIONAL_SCHOOL_CATALOGUE_4725;
  // Past its publication date, so the public results route has something to publish.
  const dx = await buildAssessmentCampaign(db, {
    office: officeA,
    units: [schoolA],
    catalogue,
    deadlineInDays: -60,
  });
  const assessment = dx.byUnit.get(schoolA.id) as Row<'assessments'>;
  const answers = answers4725() as AssessmentAnswers;
  await fillAssessment(db, assessment, answers);
  const evidenceFile = await storeTestFile(db, schoolA.id, 'assessment_evidence', 'minh-chung.pdf');
  const evidence = await db
    .insertInto('assessment_evidence')
    .values({
      unit_id: schoolA.id,
      assessment_id: assessment.id,
      item_id: SWEEP_ITEM_ID,
      kind: 'file',
      file_id: evidenceFile.id,
      created_by: principalA.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('assessment_teams')
    .values({ unit_id: officeA.id, campaign_id: dx.campaign.id, name: 'Đoàn đánh giá 1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assessment_team_members')
    .values({ unit_id: officeA.id, team_id: team.id, user_id: officeAdminA.id, role: 'head' })
    .execute();
  await db
    .insertInto('assessment_team_units')
    .values({ unit_id: officeA.id, team_id: team.id, assessed_unit_id: schoolA.id })
    .execute();
  const decision = await db
    .insertInto('recognition_decisions')
    .values({
      unit_id: officeA.id,
      campaign_id: dx.campaign.id,
      decision_number: '12/QĐ-PGDĐT',
      decided_on: '2026-06-01',
      signer_name: 'Trần Văn Trưởng',
      signer_title: 'Trưởng phòng',
      created_by: officeAdminA.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const result = JSON.stringify(scoreAssessment(catalogue, answers));
  await db
    .updateTable('assessments')
    .set({
      status: 'recognised',
      self_result: result,
      external_result: result,
      approved_by: principalA.id,
      approved_at: new Date(),
      submitted_at: new Date(),
      recognised_level: 2,
      recognition_id: decision.id,
    })
    .where('id', '=', assessment.id)
    .execute();

  // The foreign actors.
  await user(schoolB, 'ht.b', 'principal');
  await user(officeB, 'phong.b', 'office_admin');
  await user(officeB, 'phong.b.cv', 'office_specialist');
  const studentB = await buildStudent(db, { unit: schoolB, fullName: 'Hà Thị Bê' });
  const clsB = await buildClass(db, { unit: schoolB, name: '6B1', grade: 6 });
  await buildEnrolment(db, { student: studentB, cls: clsB });
  const guardianB = await user(schoolB, 'ph.b', 'guardian');
  await buildGuardian(db, { student: studentB, user: guardianB });

  return {
    ...units,
    principalA,
    teacherUser,
    roleAssignment,
    department,
    staff,
    cls,
    cls2,
    student,
    guardian,
    assignment,
    unlock,
    transcriptFile,
    importFile,
    note,
    question,
    job,
    notification,
    catalogue,
    campaign: dx.campaign,
    assessment,
    evidence,
    team,
    decision,
  };
}

export type SweepProvince = Awaited<ReturnType<typeof buildSweepProvince>>;
