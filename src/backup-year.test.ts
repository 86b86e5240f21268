import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../test/app.ts';
import { openTestDatabase, STORAGES } from '../test/databases.ts';
import {
  answers4725,
  buildAssessmentPeople,
  buildClass,
  buildEnrolment,
  buildStudent,
} from '../test/factories.ts';
import { buildTeacherAccount } from '../test/factories-grades.ts';
import { buildWorkbook } from '../test/factories-imports.ts';
import { buildAssignments, GRADE6_SUBJECTS } from '../test/factories-results.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from './domain/dx-index/index.ts';
import { regularAssessmentCount } from './domain/grading/index.ts';
import { studentsImportKind } from './features/students/import-kind.ts';
import { restoreBackup, restoreIntoDatabase, writeBackup } from './platform/db/backup.ts';
import { appliedMigrations, loadPlan, readCatalog } from './platform/db/backup-catalog.ts';
import type { Database } from './platform/db/database.ts';

const YEAR = '2025-2026';
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Every backed-up table as its rows' text (PostgreSQL's own record output, all columns, generated ones too),
 * sorted: independent of the backup's encoding, so a value the file bends shows up. Besides the tables: the
 * applied migrations by name (their timestamps are when the target ran them) and any sequence's position (a
 * restored table whose sequence stayed behind would collide on the next insert). Sessions are not backed up.
 */
async function contents(db: Kysely<unknown>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx);
    const result: Record<string, string[]> = {};
    for (const name of [...(await readCatalog(trx)).keys()].sort()) {
      const rows = await sql<{ row: string }>`
        select t::text as row from ${sql.table(name)} as t order by t::text collate "C"`.execute(trx);
      result[name] = rows.rows.map((r) => r.row);
    }
    result['(migrations)'] = await appliedMigrations(trx);
    const sequences = await sql<{ row: string }>`
      select sequencename || ' ' || coalesce(last_value::text, '-') as row from pg_sequences
      where schemaname = current_schema() order by 1`.execute(trx);
    result['(sequences)'] = sequences.rows.map((r) => r.row);
    return result;
  });
}

/** Moves the given tables' blocks right after the header, the order a pre-fix backup could have them in. */
function withTablesFirst(lines: string[], tables: string[]): string[] {
  const header = lines.slice(0, 1);
  const moved: string[] = [];
  const rest: string[] = [];
  let current: string | undefined;
  for (const line of lines.slice(1)) {
    if (line.startsWith('{"table":')) current = (JSON.parse(line) as { table: string }).table;
    (current && tables.includes(current) ? moved : rest).push(line);
    if (line.startsWith('{"end":')) current = undefined;
  }
  return [...header, ...moved, ...rest];
}

const readLines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n');
const writeLines = (file: string, lines: string[]) => writeFileSync(file, gzipSync(lines.join('\n')));

describe.each(STORAGES)('sao lưu và khôi phục sau từng bước của một năm học (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let dir: string;
  let cls: { id: string; unit_id: string; school_year: string };
  let students: { id: string; full_name: string }[];
  let lastFile = '';
  const clients = new Map<string, Promise<TestClient>>();
  const as = (username: string) => {
    if (!clients.has(username)) clients.set(username, t.as(username));
    return clients.get(username) as Promise<TestClient>;
  };
  const principal = () => as('ht.a');
  const homeroom = () => as('gvcn.6a');

  async function ok(response: Promise<{ status: number; body: unknown }>, status = 200) {
    const res = await response;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as any;
  }

  async function runJob(client: TestClient, url: string, body: unknown) {
    const queued = await ok(client.post(url, body), 202);
    await t.jobs.idle();
    const job = await ok(client.get(`/api/v1/jobs/${queued.jobId}`));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    return job.result;
  }

  /** The principal closes school A's gradebook for a term or the year (results are written by a job). */
  const closeResults = async (scope: 'term1' | 'year') =>
    runJob(await principal(), '/api/v1/results/close', { unitId: w.schoolA.id, schoolYear: YEAR, scope });

  /** Restores a file into an empty database and compares every table with the live one, row for row. */
  async function restoresToLive(file: string) {
    const target = await openTestDatabase(storage, { migrate: false });
    try {
      await restoreIntoDatabase(target.db as never, file);
      expect(await contents(target.db as never)).toEqual(await contents(t.db as never));
    } finally {
      await target.close();
    }
  }

  /** After a step: back up the live database, restore into an empty one, compare. */
  async function roundTrip(step: string) {
    const file = path.join(dir, `${step}.jsonl.gz`);
    await writeBackup(t.db as never, file);
    await restoresToLive(file);
    lastFile = file;
  }

  const rowsOf = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]?.n,
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'truongso-backup-year-'));
    t = await startTestApp(storage);
    w = await buildAssessmentPeople(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: w.schoolA,
      username: 'gvcn.6a',
      fullName: 'Lê Thị Hồng Nhung',
    });
    cls = await buildClass(t.db, { unit: w.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher.staff });
    await buildAssignments(t.db, cls, teacher.staff);
    students = [];
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']) {
      const student = await buildStudent(t.db, { unit: w.schoolA, fullName });
      await buildEnrolment(t.db, { student, cls });
      students.push(student);
    }
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('thứ tự nạp: bảng kết quả (kiểm tra bằng trigger) sau lớp và học sinh', async () => {
    const plan = loadPlan(await readCatalog(t.db as never));
    for (const results of ['student_results', 'subject_year_results']) {
      expect(plan.needs.get(results)).toEqual(expect.arrayContaining(['classes', 'students']));
      for (const parent of ['classes', 'students'])
        expect(plan.order.indexOf(parent), `${parent} trước ${results}`).toBeLessThan(
          plan.order.indexOf(results),
        );
    }
    await roundTrip('0-truong-moi');
  });

  it('nhập điểm, điểm danh, rèn luyện qua API', async () => {
    const teacher = await homeroom();
    // Dung: Ngữ văn and Toán 3,0 → Chưa đạt, conduct Khá → kiểm tra lại in the summer.
    const scoreOf = (student: number, code: string) =>
      student === 3 && (code === 'math' || code === 'literature') ? 3 : 7 + student * 0.5;
    for (const subject of GRADE6_SUBJECTS) {
      for (const term of [1, 2]) {
        const rows = students.map((s, i) =>
          subject.kind === 'comment'
            ? { studentId: s.id, regular: ['Đ', 'Đ'], midterm: 'Đ', final: 'Đ', base: null }
            : {
                studentId: s.id,
                regular: Array.from({ length: regularAssessmentCount(subject.periods) }, () =>
                  scoreOf(i, subject.code),
                ),
                midterm: scoreOf(i, subject.code),
                final: scoreOf(i, subject.code),
                comment: i === 0 ? 'Tiến bộ rõ.' : null,
                base: null,
              },
        );
        await ok(
          teacher.put(`/api/v1/gradebook/classes/${cls.id}/subjects/${subject.code}/terms/${term}`, { rows }),
        );
      }
    }
    const attendance = `/api/v1/gradebook/classes/${cls.id}/attendance`;
    await ok(
      teacher.put(attendance, {
        date: '2025-10-01',
        session: 'morning',
        absences: [
          { studentId: students[0]?.id, excused: true },
          { studentId: students[1]?.id, excused: false },
        ],
        base: [],
      }),
    );
    await ok(teacher.put(attendance, { date: '2026-02-03', session: 'afternoon', absences: [], base: [] }));
    for (const term of [1, 2]) {
      const rows = students.map((s, i) => ({
        studentId: s.id,
        level: i === 3 ? 'good' : 'excellent',
        comment: i === 0 ? 'Ngoan, chăm chỉ' : null,
        base: null,
      }));
      await ok(teacher.put(`/api/v1/gradebook/classes/${cls.id}/conduct`, { term, rows }));
    }
    expect(await rowsOf('subject_scores')).toBe(GRADE6_SUBJECTS.length * 2 * students.length);
    await roundTrip('1-diem-diem-danh');
  });

  it('khoá sổ học kì I', async () => {
    await closeResults('term1');
    expect(await rowsOf('student_results')).toBe(students.length);
    await roundTrip('2-khoa-so-hk1');
  });

  it('khoá sổ cả năm: kết quả môn cả năm và kết quả năm học', async () => {
    await closeResults('year');
    expect(await rowsOf('subject_year_results')).toBe(GRADE6_SUBJECTS.length * students.length);
    await roundTrip('3-khoa-so-ca-nam');
  });

  it('kiểm tra lại trong hè', async () => {
    const dung = students[3] as { id: string };
    const done = await ok(
      (await principal()).put(`/api/v1/results/students/${dung.id}/summer`, {
        schoolYear: YEAR,
        retests: [
          { subjectCode: 'literature', score: 6 },
          { subjectCode: 'math', score: 5 },
        ],
      }),
    );
    expect(done.finalPromotion).toBe('promoted');
    await roundTrip('4-kiem-tra-lai');
  });

  it('chuyển sang năm học mới', async () => {
    const result = await runJob(await principal(), '/api/v1/results/rollover', {
      unitId: w.schoolA.id,
      fromYear: YEAR,
      toYear: '2026-2027',
    });
    expect(result.promoted).toHaveLength(students.length);
    await roundTrip('5-nam-hoc-moi');
  });

  it('học bạ: chủ nhiệm ký, hiệu trưởng duyệt', async () => {
    expect(await ok((await homeroom()).post(`/api/v1/classes/${cls.id}/transcripts/sign`))).toMatchObject({
      signed: students.length,
    });
    expect(await ok((await principal()).post(`/api/v1/classes/${cls.id}/transcripts/approve`))).toEqual({
      approved: students.length,
    });
    await roundTrip('6-hoc-ba');
  });

  it('đánh giá chuyển đổi số: tự đánh giá, nộp, đánh giá ngoài, công nhận', async () => {
    const office = await as('phong.a');
    const campaign = await ok(
      office.post('/api/v1/assessment-campaigns', {
        unitId: w.officeA.id,
        catalogueCode: NATIONAL_SCHOOL_CATALOGUE_4725.code,
        catalogueVersion: NATIONAL_SCHOOL_CATALOGUE_4725.version,
        schoolYear: YEAR,
        title: 'Đánh giá mức độ chuyển đổi số năm học 2025-2026',
        selfAssessmentStartsOn: iso(-10),
        submissionDeadline: iso(20),
        externalStartsOn: iso(21),
        externalEndsOn: iso(40),
        publicationOn: iso(50),
      }),
      201,
    );
    const school = await principal();
    const [assessment] = await ok(school.get(`/api/v1/assessments?unitId=${w.schoolA.id}`));
    const url = `/api/v1/assessments/${assessment.id}`;
    for (const [itemId, answer] of Object.entries(answers4725()))
      await ok(school.put(`${url}/items/${itemId}`, { answer, version: 0 }));
    await ok(school.post(`${url}/approve`, { comment: 'Đã rà soát đủ minh chứng' }));
    await ok(school.post(`${url}/submit`, {}));
    await ok(office.post(`${url}/close-review`, { comment: 'Đạt yêu cầu' }));
    await ok(
      office.post(`/api/v1/assessment-campaigns/${campaign.id}/recognitions`, {
        decisionNumber: '125/QĐ-PGDĐT',
        decidedOn: '2026-06-25',
        signerName: 'Trần Thị Phương',
        signerTitle: 'Trưởng phòng Giáo dục và Đào tạo',
        assessmentIds: [assessment.id],
      }),
      201,
    );
    await roundTrip('7-chuyen-doi-so');
  });

  it('nhập danh sách học sinh từ Excel vào lớp của năm học mới', async () => {
    const cells: Record<string, string>[] = [
      { fullName: 'Hồ Thị Uyên', birthDate: '12/03/2014', gender: 'Nữ', className: '6A' },
      { fullName: 'Bùi Quang Vy', birthDate: '01/11/2014', gender: 'Nam', className: '6A' },
    ];
    const rows = cells.map((c) => studentsImportKind.columns.map((column) => c[column.key] ?? null));
    const headers = studentsImportKind.columns.map((c) => c.header);
    const school = await principal();
    const preview = await ok(
      school.upload(`/api/v1/imports/preview?unitId=${w.schoolA.id}&kind=students`, 'file', {
        name: 'hoc-sinh-moi.xlsx',
        content: await buildWorkbook('Học sinh', headers, rows),
        type: XLSX_MIME,
      }),
    );
    expect(preview.errors).toEqual([]);
    const result = await runJob(school, '/api/v1/imports/commit', {
      unitId: w.schoolA.id,
      kind: 'students',
      fileId: preview.fileId,
    });
    expect(result).toMatchObject({ created: 2 });
    await roundTrip('8-nhap-excel');
  });

  it('tệp sao lưu cũ (bảng kết quả đứng trước lớp và học sinh) vẫn khôi phục đủ', async () => {
    const reordered = path.join(dir, 'thu-tu-cu.jsonl.gz');
    const lines = withTablesFirst(readLines(lastFile), ['student_results', 'subject_year_results']);
    expect(lines[1]).toContain('"table":"student_results"');
    writeLines(reordered, lines);
    await restoresToLive(reordered);
  });

  it('một dòng hỏng: khôi phục thất bại, nêu bảng và dòng, dữ liệu đang có giữ nguyên', async () => {
    const target: Database = await openTestDatabase(storage, { migrate: false });
    try {
      await restoreIntoDatabase(target.db as never, path.join(dir, '3-khoa-so-ca-nam.jsonl.gz'));
      const before = await contents(target.db as never);
      // A year result of a student who does not exist: the trigger of migration 0045 must still refuse it.
      const lines = readLines(lastFile);
      const start = lines.findIndex((l) => l.startsWith('{"table":"student_results"'));
      const columns = (JSON.parse(lines[start] as string) as { columns: { name: string }[] }).columns;
      const studentColumn = columns.findIndex((c) => c.name === 'student_id');
      const row = JSON.parse(lines[start + 2] as string) as unknown[];
      const stranger = randomUUID();
      row[studentColumn] = stranger;
      lines[start + 2] = JSON.stringify(row);
      const corrupt = path.join(dir, 'hong.jsonl.gz');
      writeLines(corrupt, lines);
      const failure = restoreBackup(target.db as never, corrupt, { force: true });
      await expect(failure).rejects.toThrow(
        new RegExp(
          `Bảng student_results, dòng 2 của bảng trong tệp \\(student_id = "${stranger}".*không tồn tại.*giữ nguyên`,
        ),
      );
      expect(await contents(target.db as never)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
