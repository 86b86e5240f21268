import { sql } from 'kysely';
import type { OpenAPI3, OperationObject, ParameterObject } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient, type TestResponse } from '../test/app.ts';
import { STORAGES } from '../test/databases.ts';
import {
  buildSweepProvince,
  SCHOOL_A_PERSONAL_DATA,
  SWEEP_ITEM_ID,
  type SweepProvince,
} from '../test/factories-sweep.ts';
import { importTemplate } from './features/imports/service.ts';

// The cross-scope sweep: every operation of the OpenAPI document, called on school A's objects by an actor of
// another school, of another office, a guardian of another child and an anonymous caller, must be refused (401
// for the anonymous caller, 403/404 for the others), leave the database as it was, and never answer with school A's
// personal data. A new route is swept because it is in the document; it needs an entry in INPUTS (a valid body,
// or `{}`), and a route that is not scoped to a unit must say so there (`access: 'public' | 'self'`).

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Access =
  /** Refused to every caller outside school A (the default). */
  | 'scoped'
  /** About the signed-in caller only (their session, notifications, children): a foreign actor may get a 2xx. */
  | 'self'
  /** Open to anonymous callers; must not answer with personal data. */
  | 'public';

interface Upload {
  field: string;
  name: string;
  type: string;
  content: () => Promise<Buffer>;
}

interface OperationInput {
  /** A body the operation accepts (validation may run before authorisation, so a 400 would prove nothing). */
  body?: (a: Fixture) => unknown;
  upload?: Upload;
  /** Query values that replace QUERY_VALUES for this operation (office-owned objects take office A). */
  query?: (a: Fixture) => Record<string, string>;
  /** Path values that replace PATH_VALUES for this operation (e.g. an import preview's {fileId}). */
  path?: (a: Fixture) => Record<string, string>;
  access?: Access;
  /** Why a 'self' or 'public' operation is not scoped to a unit. */
  why?: string;
  /** What school A's own reader gets when it is not a 2xx (the object exists, its state refuses the read). */
  owner?: { status: number; why: string };
}

/** School A's objects, and the transcript signed and approved through the API. */
type Fixture = SweepProvince & { transcriptId: string };

const YEAR = '2025-2026';
const officeA = (a: Fixture) => ({ unitId: a.officeA.id });
const pdf: Upload = {
  field: 'file',
  name: 'minh-chung.pdf',
  type: 'application/pdf',
  content: async () => Buffer.from('%PDF-1.4\n%%EOF\n'),
};
const campaignDates = {
  selfAssessmentStartsOn: '2026-03-01',
  submissionDeadline: '2026-04-01',
  externalStartsOn: '2026-04-02',
  externalEndsOn: '2026-05-01',
  publicationOn: '2026-05-15',
};

/** A merger or move decision (the state token is checked after authorisation). */
const decision = {
  decisionNumber: '12/QĐ-UBND',
  decisionDate: '2025-12-20',
  effectiveOn: '2026-01-01',
  reason: 'Sắp xếp lại',
  expectedState: 'quet',
};

const QUESTION = { type: 'single_choice', stem: '1 + 1 = ?', options: ['2', '3'], correctIndex: 0 };

const teamOf = (name: string) => (a: Fixture) => ({
  name,
  members: [{ userId: a.principalA.id, role: 'head' }],
  unitIds: [a.schoolA.id],
});

/** Every operation of the document, by `METHOD /path`: what to send it. A missing entry fails the sweep. */
const INPUTS: Record<string, OperationInput> = {
  // ---- platform: health, sign-in, jobs, notifications
  'GET /api/v1/health': { access: 'public', why: 'liveness probe; says nothing about data' },
  'POST /api/v1/auth/login': {
    access: 'public',
    why: 'sign-in; a wrong password is refused',
    body: () => ({ login: 'khong.co.ai', password: 'sai-mat-khau-nay' }),
  },
  'POST /api/v1/auth/logout': {
    access: 'public',
    why: "ends the caller's own session if there is one (swept last)",
  },
  'GET /api/v1/auth/me': { access: 'self', why: 'the caller' },
  'POST /api/v1/auth/password': {
    access: 'self',
    why: "the caller's own password (a wrong current password is refused)",
    body: () => ({ currentPassword: 'sai-mat-khau-nay', newPassword: 'Hoa-sen-no-ven-ho-2026' }),
  },
  'GET /api/v1/jobs/{id}': {},
  'GET /api/v1/jobs': {},
  'GET /api/v1/notifications': { access: 'self', why: "the caller's own notifications" },
  'POST /api/v1/notifications/{id}/read': {},
  'POST /api/v1/notifications/read-all': { access: 'self', why: "marks the caller's own notifications" },
  'GET /api/v1/notifications/preferences': {
    access: 'self',
    why: "the caller's own channels and quiet hours",
  },
  'PUT /api/v1/notifications/preferences': {
    access: 'self',
    why: "the caller's own channels and quiet hours",
    body: () => ({ email: true, push: true, zns: true, sms: false, quietFrom: '21:00', quietTo: '06:30' }),
  },
  'GET /api/v1/notifications/push/key': { access: 'self', why: 'the server public VAPID key; no data' },
  'POST /api/v1/notifications/push/subscriptions': {
    access: 'self',
    why: "registers the caller's own browser",
    body: () => ({ endpoint: 'https://push.example/sweep', keys: { p256dh: 'BPk', auth: 'xyz' } }),
  },
  'POST /api/v1/notifications/push/unsubscribe': {
    access: 'self',
    why: "removes the caller's own browser only",
    body: () => ({ endpoint: 'https://push.example/sweep' }),
  },
  'POST /api/v1/notifications/unsubscribe': {
    access: 'public',
    why: 'the e-mail unsubscribe link; a forged token is refused and changes nothing',
    body: () => ({ token: 'forged.token' }),
  },
  'GET /api/v1/notifications/providers/esms': {
    access: 'public',
    why: "eSMS's delivery callback; a forged signature is refused and changes nothing",
    query: () => ({ SendStatus: '5', RequestId: '00000000-0000-4000-8000-000000000000', sig: 'forged' }),
  },
  'POST /api/v1/notifications/providers/zns': {
    access: 'public',
    why: "Zalo's webhook; without Zalo's signature it is refused and changes nothing",
    body: () => ({ app_id: 'sweep', event_name: 'user_received_message', message: { msg_id: 'sweep' } }),
  },
  'GET /api/v1/units/{unitId}/notification-settings': {},
  'PUT /api/v1/units/{unitId}/notification-settings': {
    body: () => ({ smsMonthlyBudget: 10, lowScoreEnabled: true, lowScoreThreshold: 5, version: 0 }),
  },
  // ---- units, school years
  'GET /api/v1/units': {},
  'POST /api/v1/units': {
    body: (a) => ({ parentId: a.schoolA.id, kind: 'school', code: 'SWEEP-1', name: 'Điểm trường Quét' }),
  },
  'GET /api/v1/unit-kinds': { access: 'self', why: 'the fixed list of unit kinds' },
  'GET /api/v1/units/{id}': {},
  'PATCH /api/v1/units/{id}': { body: () => ({ name: 'Trường THCS Đổi Tên' }) },
  'GET /api/v1/units/{id}/history': {},
  'GET /api/v1/units/{id}/reorganisations': {},
  // Targets inside office A, so office A's admin reads the preview (with its blockers); others are refused.
  'GET /api/v1/units/{id}/move-preview': { query: (a) => ({ parentId: a.officeA.id }) },
  'POST /api/v1/units/{id}/move': {
    body: (a) => ({ parentId: a.officeB.id, ...decision }),
  },
  'GET /api/v1/units/{id}/merge-preview': { query: (a) => ({ intoUnitId: a.officeA.id }) },
  'GET /api/v1/units/{id}/merge-preview.xlsx': { query: (a) => ({ intoUnitId: a.officeA.id }) },
  'POST /api/v1/units/{id}/merge': {
    body: (a) => ({ intoUnitId: a.schoolB.id, ...decision }),
  },
  'GET /api/v1/school-years': {},
  'PUT /api/v1/school-years': {
    body: (a) => ({
      unitId: a.schoolA.id,
      code: '2026-2027',
      startsOn: '2026-09-05',
      term1EndsOn: '2027-01-16',
      term2StartsOn: '2027-01-18',
      endsOn: '2027-05-31',
    }),
  },
  'PUT /api/v1/units/{id}/current-school-year': { body: () => ({ code: YEAR }) },
  // ---- staff, departments, staffing, users, audit
  'GET /api/v1/staff': {},
  'POST /api/v1/staff': {
    body: (a) => ({ unitId: a.schoolA.id, fullName: 'Phạm Văn Mới', position: 'teacher' }),
  },
  'GET /api/v1/staff/{id}': {},
  'DELETE /api/v1/staff/{id}': {},
  'PATCH /api/v1/staff/{id}': { body: () => ({ fullName: 'Lê Thị Đổi Tên' }) },
  'GET /api/v1/departments': {},
  'POST /api/v1/departments': { body: (a) => ({ unitId: a.schoolA.id, name: 'Tổ Văn' }) },
  'DELETE /api/v1/departments/{id}': {},
  'PATCH /api/v1/departments/{id}': { body: (a) => ({ name: 'Tổ Toán - Tin', headStaffId: a.staff.id }) },
  'GET /api/v1/staffing': {},
  'PUT /api/v1/staffing/quotas': {
    body: (a) => ({ unitId: a.schoolA.id, schoolYear: YEAR, quotas: [{ group: 'teacher:math', quota: 30 }] }),
  },
  'GET /api/v1/users': {},
  'POST /api/v1/users': {
    body: (a) => ({
      unitId: a.schoolA.id,
      username: 'gv.moi.quet',
      fullName: 'Giáo Viên Mới',
      roles: [{ role: 'teacher', unitId: a.schoolA.id }],
    }),
  },
  'GET /api/v1/users/grantable-roles': {},
  'GET /api/v1/users/{id}': {},
  'PATCH /api/v1/users/{id}': { body: () => ({ fullName: 'Lê Thị Đổi Tên' }) },
  'POST /api/v1/users/{id}/deactivate': {},
  'POST /api/v1/users/{id}/reactivate': {},
  'POST /api/v1/users/{id}/reset-password': {},
  'PUT /api/v1/users/{id}/staff': { body: () => ({ staffId: null }) },
  'POST /api/v1/users/{id}/roles': { body: (a) => ({ role: 'vice_principal', unitId: a.schoolA.id }) },
  'DELETE /api/v1/users/{id}/roles/{assignmentId}': {},
  'GET /api/v1/audit': {},
  'GET /api/v1/audit/data-access': {},
  // ---- classes, students, subjects
  'GET /api/v1/classes': {},
  'POST /api/v1/classes': {
    body: (a) => ({ unitId: a.schoolA.id, schoolYear: YEAR, grade: 6, name: '6A9' }),
  },
  'GET /api/v1/classes/homeroom-candidates': {},
  'GET /api/v1/classes/{id}': {},
  'DELETE /api/v1/classes/{id}': {},
  'PATCH /api/v1/classes/{id}': { body: () => ({ room: 'P.201' }) },
  'POST /api/v1/classes/{id}/students': { body: (a) => ({ studentIds: [a.student.id] }) },
  'POST /api/v1/classes/{id}/students/{studentId}/move': {
    body: (a) => ({ toClassId: a.cls2.id, movedOn: '2025-10-01' }),
  },
  'DELETE /api/v1/classes/{id}/students/{studentId}': {},
  'GET /api/v1/students': {},
  'POST /api/v1/students': {
    body: (a) => ({
      unitId: a.schoolA.id,
      fullName: 'Đỗ Thị Mới',
      birthDate: '2013-04-02',
      gender: 'female',
    }),
  },
  'GET /api/v1/students/mine': { access: 'self', why: "the caller's own children (guardians, students)" },
  'GET /api/v1/students/snapshot': {},
  'GET /api/v1/students/duplicate-national-ids': {},
  'GET /api/v1/students/{id}': {},
  'PATCH /api/v1/students/{id}': { body: () => ({ address: 'Số 1 Đường Quét' }) },
  'POST /api/v1/students/{id}/status': {
    body: () => ({ status: 'transferred_out', effectiveOn: '2025-10-01', reason: 'Chuyển trường' }),
  },
  'GET /api/v1/students/{id}/personal-data': {},
  'GET /api/v1/students/{id}/personal-data.pdf': {},
  'GET /api/v1/students/{id}/erasure-preview': {},
  'POST /api/v1/students/{id}/erase': { body: () => ({ reason: 'Cha mẹ yêu cầu xóa' }) },
  'POST /api/v1/guardians/{id}/account': { body: () => ({ username: 'ph.moi.quet' }) },
  'GET /api/v1/subjects': { access: 'self', why: 'the national subject list of a grade' },
  // ---- DX assessments: catalogues and campaigns belong to office A
  'GET /api/v1/assessment-catalogues': { query: officeA },
  'GET /api/v1/assessment-catalogues/template.xlsx': { query: officeA },
  'GET /api/v1/assessment-catalogues/{code}/{version}': { query: officeA },
  'POST /api/v1/assessment-catalogues/import': {
    query: officeA,
    upload: {
      field: 'file',
      name: 'bo-tieu-chi.json',
      type: 'application/json',
      content: async () => Buffer.from(JSON.stringify({ code: 'dx-quet', version: '1', title: 'Bộ quét' })),
    },
  },
  'GET /api/v1/assessment-campaigns': { query: officeA },
  'POST /api/v1/assessment-campaigns': {
    body: (a) => ({
      unitId: a.officeA.id,
      catalogueCode: a.catalogue.code,
      catalogueVersion: a.catalogue.version,
      schoolYear: YEAR,
      title: 'Đợt đánh giá quét',
      unitIds: [a.schoolA.id],
      ...campaignDates,
    }),
  },
  'GET /api/v1/assessment-campaigns/{id}': {},
  'PUT /api/v1/assessment-campaigns/{id}': {
    body: () => ({ title: 'Đợt đánh giá đổi tên', ...campaignDates }),
  },
  'POST /api/v1/assessment-campaigns/{id}/remind': {},
  'GET /api/v1/assessment-campaigns/{id}/export.xlsx': {},
  'GET /api/v1/assessment-campaigns/{id}/teams': {},
  'POST /api/v1/assessment-campaigns/{id}/teams': { body: teamOf('Đoàn quét') },
  'GET /api/v1/assessment-campaigns/{id}/office-users': {},
  'PUT /api/v1/assessment-teams/{id}': { body: teamOf('Đoàn đổi tên') },
  'DELETE /api/v1/assessment-teams/{id}': {},
  'GET /api/v1/assessment-campaigns/{id}/recognitions': {},
  'POST /api/v1/assessment-campaigns/{id}/recognitions': {
    body: (a) => ({
      decisionNumber: '99/QĐ-QUET',
      decidedOn: '2026-06-02',
      signerName: 'Người Ký Quét',
      signerTitle: 'Trưởng phòng',
      assessmentIds: [a.assessment.id],
    }),
  },
  'GET /api/v1/recognition-decisions/{id}/document.pdf': {},
  'GET /api/v1/assessments': {},
  'GET /api/v1/assessments/{id}': {},
  'PUT /api/v1/assessments/{id}/items/{itemId}': {
    body: () => ({ answer: { met: false }, note: 'Quét', progress: 'done', version: 0 }),
  },
  'PUT /api/v1/assessments/{id}/items/{itemId}/assignee': { body: (a) => ({ userId: a.teacherUser.id }) },
  'GET /api/v1/assessments/{id}/assignable-users': {},
  'POST /api/v1/assessments/{id}/approve': { body: () => ({ comment: 'Đồng ý' }) },
  'POST /api/v1/assessments/{id}/submit': {},
  'POST /api/v1/assessments/{id}/items/{itemId}/evidence': {
    body: () => ({ kind: 'link', url: 'https://example.edu.vn/minh-chung', description: 'Quét' }),
  },
  'POST /api/v1/assessments/{id}/items/{itemId}/evidence-file': { upload: pdf },
  'DELETE /api/v1/assessments/{id}/evidence/{evidenceId}': {},
  'GET /api/v1/assessments/{id}/evidence/{evidenceId}/file': {},
  'GET /api/v1/assessments/{id}/metrics/{metricId}': {},
  'GET /api/v1/assessments/{id}/minutes.pdf': {},
  'GET /api/v1/assessments/{id}/decision.pdf': {},
  'PUT /api/v1/assessments/{id}/items/{itemId}/review': {
    body: () => ({ agreedAnswer: { met: false }, externalComment: 'Chưa đạt' }),
  },
  'POST /api/v1/assessments/{id}/return': {
    body: () => ({ comment: 'Bổ sung minh chứng', items: [{ itemId: SWEEP_ITEM_ID, comment: 'Thiếu' }] }),
  },
  'POST /api/v1/assessments/{id}/close-review': { body: () => ({ comment: 'Kết thúc' }) },
  'GET /api/v1/public/assessment-results/{unitId}': {
    access: 'public',
    why: 'published DX results of a unit (QĐ 4725 requires publication); no personal data',
  },
  'GET /api/v1/assessment-dashboard': { query: officeA },
  'GET /api/v1/assessment-dashboard.pdf': { query: officeA },
  'POST /api/v1/assessments/{id}/measured-answers': {},
  // ---- imports
  'GET /api/v1/imports/kinds': { access: 'self', why: 'the registered import kinds (no data)' },
  'GET /api/v1/imports/templates/{kind}': { access: 'self', why: 'a blank template (no data)' },
  'POST /api/v1/imports/preview': {
    upload: {
      field: 'file',
      name: 'hoc-sinh.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: async () => (await importTemplate('students')).content,
    },
  },
  'POST /api/v1/imports/commit': {
    body: (a) => ({ unitId: a.schoolA.id, kind: 'students', fileId: a.importFile.id }),
  },
  'GET /api/v1/imports/exports/{kind}': {},
  'GET /api/v1/imports/previews/{fileId}/errors.xlsx': { path: (a) => ({ fileId: a.importFile.id }) },
  // ---- gradebook
  'GET /api/v1/gradebook/assignments': {},
  'PUT /api/v1/gradebook/assignments': {
    body: (a) => ({
      classId: a.cls.id,
      subjectCode: 'literature',
      teacherId: a.staff.id,
      periodsPerYear: 140,
    }),
  },
  'GET /api/v1/gradebook/my-classes': {},
  'GET /api/v1/gradebook/classes/{classId}/subjects/{subjectCode}/terms/{term}': {},
  'PUT /api/v1/gradebook/classes/{classId}/subjects/{subjectCode}/terms/{term}': {
    body: (a) => ({
      rows: [{ studentId: a.student.id, regular: [10, 10], midterm: 10, final: 10, base: null }],
    }),
  },
  'GET /api/v1/gradebook/terms': {},
  'PUT /api/v1/gradebook/terms/{term}': {
    body: (a) => ({ unitId: a.schoolA.id, schoolYear: YEAR, entryDeadline: null, locked: false }),
  },
  'POST /api/v1/gradebook/unlocks': {
    body: (a) => ({
      classId: a.cls.id,
      kind: 'subject',
      subjectCode: 'math',
      term: 1,
      reason: 'Sửa điểm quét',
    }),
  },
  'POST /api/v1/gradebook/unlocks/{id}/relock': {},
  'GET /api/v1/gradebook/classes/{classId}/overview': {},
  'GET /api/v1/gradebook/classes/{classId}/attendance': {},
  'PUT /api/v1/gradebook/classes/{classId}/attendance': {
    body: (a) => ({
      date: '2025-09-08',
      session: 'morning',
      absences: [{ studentId: a.student.id, excused: false }],
      base: [],
    }),
  },
  'GET /api/v1/gradebook/classes/{classId}/conduct': {},
  'PUT /api/v1/gradebook/classes/{classId}/conduct': {
    body: (a) => ({
      term: 1,
      rows: [{ studentId: a.student.id, level: 'fail', comment: 'Quét', base: null }],
    }),
  },
  'GET /api/v1/gradebook/students/{studentId}/exemptions': {},
  'POST /api/v1/gradebook/students/{studentId}/exemptions': {
    body: () => ({
      schoolYear: YEAR,
      subjectCode: 'physical-education',
      period: 'term2',
      ground: 'accident',
      medicalEvidence: true,
      decisionNumber: '1/QĐ-QUET',
      decisionDate: '2025-09-20',
    }),
  },
  'DELETE /api/v1/gradebook/students/{studentId}/exemptions/{exemptionId}': {
    path: () => ({ exemptionId: '00000000-0000-4000-8000-000000000090' }),
    owner: { status: 404, why: 'no exemption with this id in school A' },
  },
  // ---- results, transcripts, statistics
  'POST /api/v1/results/close': {
    body: (a) => ({ unitId: a.schoolA.id, schoolYear: YEAR, scope: 'term1', classId: a.cls.id }),
  },
  'POST /api/v1/results/rollover': {
    body: (a) => ({ unitId: a.schoolA.id, fromYear: YEAR, toYear: '2026-2027' }),
  },
  'GET /api/v1/results/rollover/preview': { query: () => ({ fromYear: YEAR, toYear: '2026-2027' }) },
  'PUT /api/v1/results/rollover/plan': {
    body: (a) => ({
      unitId: a.schoolA.id,
      fromYear: YEAR,
      toYear: '2026-2027',
      classes: [{ name: '7A1', homeroomTeacherId: null, room: 'P.Quét' }],
    }),
  },
  'GET /api/v1/results/classes/{id}': {},
  'GET /api/v1/results/summary': {},
  'GET /api/v1/results/promotion-list': {},
  'GET /api/v1/results/promotion-list.xlsx': {},
  'PUT /api/v1/results/students/{id}/summer': {
    body: () => ({ schoolYear: YEAR, retests: [{ subjectCode: 'math', score: 6 }], summerConduct: 'pass' }),
  },
  'PUT /api/v1/results/students/{id}/individual-plan': {
    body: () => ({ schoolYear: YEAR, enabled: true, note: 'Quét' }),
  },
  'PUT /api/v1/results/students/{id}/principal-decision': {
    body: () => ({ schoolYear: YEAR, decision: 'promoted', reason: 'Quét' }),
  },
  'GET /api/v1/results/classes/{id}/primary': {
    owner: {
      status: 409,
      why: 'school A is lower secondary: TT27 evaluations refuse a grade-6 class after access',
    },
  },
  'PUT /api/v1/results/classes/{id}/primary': {
    body: (a) => ({
      checkpoint: 'end1',
      rows: [{ studentId: a.student.id, aspect: 'math', level: 'completed', testScore: 7 }],
    }),
  },
  'PUT /api/v1/results/students/{id}/primary-recognition': {
    body: () => ({ schoolYear: YEAR, recognition: 'Tiến bộ rõ rệt môn Toán' }),
  },
  'GET /api/v1/results/classes/{id}/primary-support': {
    owner: {
      status: 409,
      why: 'school A is lower secondary: the TT27 support list refuses a grade-6 class after access',
    },
  },
  'PUT /api/v1/results/students/{id}/primary-support/plan': {
    body: () => ({ schoolYear: YEAR, plan: 'Kèm thêm môn Toán' }),
  },
  'PUT /api/v1/results/students/{id}/primary-support/assessment': {
    body: () => ({
      schoolYear: YEAR,
      reassessed: [{ aspect: 'subject:math', level: 'completed', testScore: 6 }],
      version: 1,
    }),
  },
  'PUT /api/v1/results/students/{id}/primary-support/decision': {
    body: () => ({ schoolYear: YEAR, decision: 'promoted', reason: 'Quét', version: 1 }),
  },
  'GET /api/v1/classes/{id}/transcripts': {},
  'POST /api/v1/classes/{id}/transcripts/sign': {},
  'POST /api/v1/classes/{id}/transcripts/approve': {},
  'GET /api/v1/classes/{id}/transcripts.pdf': {},
  'POST /api/v1/classes/{id}/transcripts.pdf/jobs': {},
  'GET /api/v1/classes/{id}/transcript-files/{fileId}': {},
  'GET /api/v1/classes/{id}/transcripts/{studentId}/pdf': {},
  'GET /api/v1/transcripts/{id}/correction-preview': {},
  'POST /api/v1/transcripts/{id}/corrections': { body: () => ({ reason: 'Sai điểm môn Toán' }) },
  'GET /api/v1/students/{id}/transcripts': {},
  'GET /api/v1/transcripts/{id}/pdf': {},
  'GET /api/v1/classes/{id}/gradebook.xlsx': {},
  'GET /api/v1/classes/{id}/record-book.pdf': {},
  'GET /api/v1/classes/{id}/record-book.xlsx': {},
  'GET /api/v1/grade-statistics.xlsx': {},
  // ---- contact book
  'GET /api/v1/contact-book/children': { access: 'self', why: "the caller's own children" },
  'GET /api/v1/contact-book/students/{id}': {},
  'GET /api/v1/classes/{id}/notes': {},
  'POST /api/v1/classes/{id}/notes': { body: () => ({ title: 'Thông báo quét', body: 'Nội dung quét' }) },
  'POST /api/v1/class-notes/{id}/ack': {},
  // ---- home pages
  'GET /api/v1/home/school': {},
  'GET /api/v1/home/teacher': {},
  'GET /api/v1/home/family': { access: 'self', why: "the caller's own children" },
  'GET /api/v1/home/office': { query: officeA },
  // ---- question bank
  'GET /api/v1/question-bank/questions': {},
  'GET /api/v1/question-bank/questions/{id}': {},
  'POST /api/v1/question-bank/questions': {
    body: (a) => ({ unitId: a.schoolA.id, subjectCode: 'math', grade: 6, body: QUESTION }),
  },
  'PUT /api/v1/question-bank/questions/{id}': {
    body: () => ({ subjectCode: 'math', grade: 6, body: QUESTION, version: 1 }),
  },
  'DELETE /api/v1/question-bank/questions/{id}': {},
  'POST /api/v1/question-bank/questions/{id}/review': { body: () => ({ decision: 'approve', version: 1 }) },
  'POST /api/v1/question-bank/imports/preview': {
    upload: {
      field: 'file',
      name: 'cau-hoi.gift.txt',
      type: 'text/plain',
      content: async () => Buffer.from('::Q1:: 1 + 1 = ? {=2 ~3 ~4}\n'),
    },
  },
  'POST /api/v1/question-bank/imports/commit': {
    body: (a) => ({ unitId: a.schoolA.id, subjectCode: 'math', grade: 6, questions: [{ body: QUESTION }] }),
  },
  'GET /api/v1/question-bank/export': { query: (a) => ({ unitId: a.schoolA.id, format: 'gift' }) },
};

/** `{id}` names the object of the path segment before it. */
const ID_BY_RESOURCE: Record<string, (a: Fixture) => string> = {
  jobs: (a) => a.job.id,
  notifications: (a) => a.notification.id,
  units: (a) => a.schoolA.id,
  staff: (a) => a.staff.id,
  departments: (a) => a.department.id,
  users: (a) => a.teacherUser.id,
  classes: (a) => a.cls.id,
  students: (a) => a.student.id,
  guardians: (a) => a.guardian.id,
  'assessment-campaigns': (a) => a.campaign.id,
  'assessment-teams': (a) => a.team.id,
  'recognition-decisions': (a) => a.decision.id,
  assessments: (a) => a.assessment.id,
  unlocks: (a) => a.unlock.id,
  transcripts: (a) => a.transcriptId,
  'class-notes': (a) => a.note.id,
  questions: (a) => a.question.id,
};

/** Other path parameters by name. */
const PATH_VALUES: Record<string, (a: Fixture) => string> = {
  classId: (a) => a.cls.id,
  studentId: (a) => a.student.id,
  assignmentId: (a) => a.roleAssignment.id,
  itemId: () => SWEEP_ITEM_ID,
  evidenceId: (a) => a.evidence.id,
  metricId: () => 'students_in_management_system_share',
  fileId: (a) => a.transcriptFile.id,
  unitId: (a) => a.schoolA.id,
  code: (a) => a.catalogue.code,
  version: (a) => a.catalogue.version,
  kind: () => 'students',
  subjectCode: () => 'math',
  term: () => '1',
};

/** Query parameters by name; every one an operation declares and this names is sent. */
const QUERY_VALUES: Record<string, (a: Fixture) => string> = {
  unitId: (a) => a.schoolA.id,
  under: (a) => a.schoolA.id,
  classId: (a) => a.cls.id,
  schoolYear: () => YEAR,
  date: () => '2025-09-08',
  grade: () => '6',
  term: () => '1',
  kind: () => 'students',
  checkpoint: () => 'end1',
};

interface SweptOperation {
  name: string;
  method: string;
  path: string;
  operation: OperationObject;
}

function operationsOf(doc: OpenAPI3): SweptOperation[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, OperationObject | undefined>)[method];
      return operation
        ? [{ name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation }]
        : [];
    }),
  );
}

/** The URL of the operation on school A's objects, or the reason it cannot be built. */
function urlOf(op: SweptOperation, a: Fixture): { url: string } | { missing: string } {
  const input = INPUTS[op.name] ?? {};
  const overrides = input.query?.(a) ?? {};
  const segments = op.path.split('/');
  let url = '';
  for (const [i, segment] of segments.entries()) {
    const param = /^\{(.+)\}$/.exec(segment)?.[1];
    if (!param) {
      url += `${i ? '/' : ''}${segment}`;
      continue;
    }
    const value =
      input.path?.(a)[param] ??
      (param === 'id' ? ID_BY_RESOURCE[segments[i - 1] ?? '']?.(a) : PATH_VALUES[param]?.(a));
    if (value === undefined) return { missing: `no value for path parameter {${param}}` };
    url += `/${encodeURIComponent(value)}`;
  }
  const query = new URLSearchParams();
  for (const p of (op.operation.parameters ?? []) as ParameterObject[]) {
    if (p.in !== 'query') continue;
    const value = overrides[p.name] ?? QUERY_VALUES[p.name]?.(a);
    if (value !== undefined) query.set(p.name, value);
    else if (p.required) return { missing: `no value for query parameter ${p.name}` };
  }
  return { url: query.size ? `${url}?${query}` : url };
}

/** One query over every table: row count and a digest of the rows (sessions change on every sign-in). */
async function databaseDigest(t: TestApp): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'kysely_migration', 'kysely_migration_lock')
    order by 1`.execute(t.db);
  const parts = tables.rows.map(
    (r) =>
      `select '${r.name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${r.name}" x`,
  );
  const rows = await sql<{ name: string; digest: string }>`${sql.raw(parts.join(' union all '))}`.execute(
    t.db,
  );
  return new Map(rows.rows.map((r) => [r.name, r.digest]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, digest]) => before.get(name) !== digest).map(([name]) => name);
}

function personalDataIn(res: TestResponse): string[] {
  const text = res.raw.toString('utf8');
  return SCHOOL_A_PERSONAL_DATA.filter((value) => text.includes(value));
}

const ACTORS = [
  { name: 'principal of school B (office B)', username: 'ht.b' },
  { name: 'office admin of office B', username: 'phong.b' },
  { name: 'office specialist of office B', username: 'phong.b.cv' },
  { name: 'guardian of a school-B child', username: 'ph.b' },
  { name: 'anonymous', username: null },
] as const;

describe.each(STORAGES)('cross-scope sweep of every API operation (%s)', (storage) => {
  let t: TestApp;
  let a: Fixture;
  let operations: SweptOperation[];

  beforeAll(async () => {
    t = await startTestApp(storage);
    const province = await buildSweepProvince(t.db);
    // The homeroom teacher signs and the principal approves the class's transcripts, as at the end of a year.
    for (const [username, step] of [
      ['gv.a', 'sign'],
      ['ht.a', 'approve'],
    ] as const) {
      const res = await (await t.as(username)).post(`/api/v1/classes/${province.cls.id}/transcripts/${step}`);
      if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const transcript = await t.db
      .selectFrom('transcripts')
      .select('id')
      .where('class_id', '=', province.cls.id)
      .executeTakeFirstOrThrow();
    a = { ...province, transcriptId: transcript.id };
    operations = operationsOf(t.app.swagger() as OpenAPI3);
  });
  afterAll(() => t?.close());

  it('every operation of the document has an entry in the table of inputs, and every entry an operation', () => {
    expect(operations.length).toBeGreaterThan(100);
    const names = new Set(operations.map((op) => op.name));
    const missing = operations
      .filter((op) => !INPUTS[op.name])
      .map((op) => `${op.name}: no entry in INPUTS (src/scope-sweep.test.ts) — add a valid body or {}`);
    const unbuildable = operations.flatMap((op) => {
      const url = urlOf(op, a);
      return 'missing' in url ? [`${op.name}: ${url.missing}`] : [];
    });
    const stale = Object.keys(INPUTS).filter((name) => !names.has(name));
    const unexplained = Object.entries(INPUTS)
      .filter(([, input]) => input.access && input.access !== 'scoped' && !input.why)
      .map(([name]) => `${name}: a public or self operation must say why`);
    expect([
      ...missing,
      ...unbuildable,
      ...stale.map((n) => `${n}: not in the document`),
      ...unexplained,
    ]).toEqual([]);
  });

  // Without this, a 404 in the sweep could mean a wrong id in the fixture rather than a refusal.
  it("each school-A object the sweep reads exists: school A's principal or office A's admin reads it", async () => {
    const owners = [await t.as('ht.a'), await t.as('phong.a')];
    const unread: string[] = [];
    for (const op of operations) {
      const input = INPUTS[op.name];
      const target = urlOf(op, a);
      if (op.method !== 'GET' || !input || input.access || 'missing' in target) continue;
      const statuses: number[] = [];
      for (const owner of owners) {
        const res = await owner.get(target.url);
        statuses.push(res.status);
        if (res.status < 300) break;
      }
      if (!statuses.some((s) => s < 300 || s === input.owner?.status))
        unread.push(`${op.name} → ${statuses.join(', ')}`);
    }
    expect(unread).toEqual([]);
  });

  it.each(ACTORS)('$name is refused on school A for every operation, and nothing changes', async (actor) => {
    const client: TestClient = actor.username ? await t.as(actor.username) : t.anonymous();
    // Signing out ends the session the other calls use: it goes last.
    const ordered = [...operations].sort(
      (x, y) => Number(x.name === 'POST /api/v1/auth/logout') - Number(y.name === 'POST /api/v1/auth/logout'),
    );
    const failures: string[] = [];
    for (const op of ordered) {
      const input = INPUTS[op.name];
      const target = urlOf(op, a);
      if (!input || 'missing' in target) continue; // reported by the test above
      const access = input.access ?? 'scoped';
      const write = op.method !== 'GET';
      const before = write && access !== 'self' ? await databaseDigest(t) : undefined;
      const res = input.upload
        ? await client.upload(target.url, input.upload.field, {
            name: input.upload.name,
            type: input.upload.type,
            content: await input.upload.content(),
          })
        : await client.request(op.method, target.url, input.body?.(a));
      const said = `${op.name} as ${actor.name} → ${res.status} ${res.raw.toString('utf8').slice(0, 160)}`;
      const allowed =
        access === 'public'
          ? res.status < 500
          : !actor.username
            ? res.status === 401
            : access === 'self'
              ? res.status < 500
              : res.status === 403 || res.status === 404;
      if (!allowed) failures.push(said);
      const leaked = personalDataIn(res);
      if (leaked.length)
        failures.push(`${said} — answer holds school A's personal data: ${leaked.join(', ')}`);
      if (before) {
        const changed = changedTables(before, await databaseDigest(t));
        if (changed.length) failures.push(`${said} — changed tables: ${changed.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
