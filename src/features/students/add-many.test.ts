import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { studentInput } from '#contracts/students.ts';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import { buildClass, buildProvince, buildUser, fillClass } from '../../../test/factories.ts';
import { buildWorkbook, childNationalId, studentName } from '../../../test/factories-imports.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerImportKind } from '../../platform/imports/kinds.ts';
import { registerAllFeatures } from '../../server.ts';
import { importFile } from '../imports/service.ts';
import { addStudents, StudentRefused } from './add-many.ts';
import { studentsImportKind } from './import-kind.ts';

/** The students kind without its set-based write: every row through addStudent, as before. */
const perRowKind = { ...studentsImportKind, kind: 'students-per-row', commitRows: undefined };
const HEADERS = studentsImportKind.columns.map((c) => c.header);
const row = (cells: Partial<Record<string, string | null>>) =>
  studentsImportKind.columns.map((c) => cells[c.key] ?? null);

/** A varied file: with and without class, guardian, status, join date (in and outside the year), sensitive data. */
const ROWS = Array.from({ length: 60 }, (_, i) =>
  row({
    fullName: studentName(i),
    birthDate: i % 7 === 0 ? null : `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2013`,
    gender: i % 2 ? 'Nữ' : 'Nam',
    className: i % 5 === 4 ? null : ['6a1', '6A2', ' 6A3 '][i % 3],
    moetStudentCode: `HS${String(i).padStart(8, '0')}`,
    nationalId: i % 3 === 0 ? null : childNationalId(i + 7000, 2013, i % 2 === 1),
    ethnicity: i % 4 === 0 ? 'Tày' : 'Kinh',
    address: i % 6 === 0 ? null : `Số ${i} đường Láng, Hà Nội`,
    disability: i % 11 === 0 ? 'Khuyết tật vận động' : null,
    poorHousehold: i % 10 === 0 ? 'Có' : null,
    nearPoorHousehold: i % 10 === 5 ? 'Có' : null,
    status: i % 8 === 0 ? 'Chuyển đến' : null,
    statusSince: i % 9 === 0 ? '15/03/2024' : i % 4 === 1 ? '10/10/2025' : null,
    guardianName:
      i % 3 === 2
        ? null
        : `Phạm Thị ${studentName(i + 100)
            .split(' ')
            .at(-1)}`,
    guardianRelationship: i % 3 === 2 ? null : i % 2 ? 'Mẹ' : 'Cha',
    guardianPhone: i % 3 === 1 ? '0912345678' : null,
  }),
);

interface School {
  database: Database;
  ctx: ServiceContext;
  unitId: string;
}

async function buildSchool(storage: (typeof STORAGES)[number]): Promise<School> {
  const database = await openTestDatabase(storage);
  const units = await buildProvince(database.db);
  const user = await buildUser(database.db, {
    unit: units.schoolA,
    username: 'ht.a',
    roles: [{ role: 'principal' }],
  });
  for (const name of ['6A1', '6A2', '6A3']) await buildClass(database.db, { unit: units.schoolA, name });
  const ctx: ServiceContext = {
    db: database.db,
    ip: '203.0.113.7',
    log: pino({ level: 'silent' }),
    actor: {
      userId: user.id,
      username: 'ht.a',
      fullName: user.full_name,
      mustChangePassword: false,
      assignments: [
        {
          role: 'principal',
          unitId: units.schoolA.id,
          unitPath: units.schoolA.path,
          unitName: units.schoolA.name,
          unitKind: units.schoolA.kind,
        },
      ],
    },
  };
  return { database, ctx, unitId: units.schoolA.id };
}

/**
 * Everything an import wrote, without generated ids and times: ids inside audit rows become stable labels (the
 * student's sector code, the class name, the guardian's position), the acting user becomes "actor".
 */
async function written({ database, ctx, unitId }: School) {
  const db = database.db;
  const students = await db.selectFrom('students').selectAll().where('unit_id', '=', unitId).execute();
  const keyOf = new Map(students.map((s) => [s.id, s.moet_student_code ?? s.id]));
  const classes = await db
    .selectFrom('classes')
    .select(['id', 'name'])
    .where('unit_id', '=', unitId)
    .execute();
  const history = await db
    .selectFrom('student_status_history')
    .selectAll()
    .where('unit_id', '=', unitId)
    .execute();
  const guardians = await db
    .selectFrom('student_guardians')
    .selectAll()
    .where('unit_id', '=', unitId)
    .execute();
  const enrolments = await db.selectFrom('enrolments').selectAll().where('unit_id', '=', unitId).execute();
  const audits = await db.selectFrom('audit_log').selectAll().where('unit_id', '=', unitId).execute();
  const labels = new Map<string, string>([
    [ctx.actor.userId, 'actor'],
    [unitId, 'school'],
  ]);
  for (const [id, key] of keyOf) labels.set(id, `student:${key}`);
  for (const c of classes) labels.set(c.id, `class:${c.name}`);
  for (const g of guardians) labels.set(g.id, `guardian:${keyOf.get(g.student_id)}:${g.position}`);
  for (const e of enrolments) labels.set(e.id, `enrolment:${keyOf.get(e.student_id)}`);
  const label = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value ?? null).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        (id) => labels.get(id) ?? 'unknown-id',
      ),
    );
  const sorted = <T>(rows: T[]) =>
    rows.map(label).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    students: sorted(students.map(({ id, created_at, updated_at, ...rest }) => ({ id, ...rest }))),
    history: sorted(history.map(({ id, recorded_at, ...rest }) => rest)),
    guardians: sorted(guardians.map(({ id, created_at, ...rest }) => ({ id, ...rest }))),
    enrolments: sorted(enrolments.map((e) => e)),
    audits: sorted(audits.map(({ id, occurred_at, ...rest }) => rest)),
  };
}

describe.each(STORAGES)('nhập học sinh theo tập hợp (%s)', (storage) => {
  let perRow: School;
  let setBased: School;

  beforeAll(async () => {
    registerAllFeatures();
    registerImportKind(perRowKind);
    [perRow, setBased] = [await buildSchool(storage), await buildSchool(storage)];
  }, 120_000);
  afterAll(async () => {
    await perRow?.database.close();
    await setBased?.database.close();
  });

  it('ghi đúng như từng dòng qua addStudent: học sinh, lịch sử trạng thái, người giám hộ, xếp lớp, nhật ký', async () => {
    const content = await buildWorkbook('Học sinh', HEADERS, ROWS);
    const file = { unitId: perRow.unitId, kind: perRowKind.kind, fileName: 'hs.xlsx', content };
    expect(await importFile(perRow.ctx, file)).toEqual({
      kind: perRowKind.kind,
      mode: 'create',
      created: 60,
      updated: 0,
      unchanged: 0,
    });
    const set = { ...file, unitId: setBased.unitId, kind: 'students' };
    expect(await importFile(setBased.ctx, set)).toEqual({
      kind: 'students',
      mode: 'create',
      created: 60,
      updated: 0,
      unchanged: 0,
    });
    const [a, b] = [await written(perRow), await written(setBased)];
    expect(b.students).toHaveLength(60);
    expect(b.enrolments).toHaveLength(48);
    expect(b.guardians).toHaveLength(40);
    expect(b.audits).toHaveLength(108);
    expect(JSON.stringify(b)).not.toContain('unknown-id');
    expect(b).toEqual(a);
  }, 120_000);

  it('lớp đã đủ (đếm khi đã khoá lớp): từ chối đúng học sinh vượt giới hạn, không ghi gì', async () => {
    const { ctx, unitId, database } = setBased;
    const cls = await buildClass(database.db, { unit: { id: unitId }, name: '7A1', grade: 7 });
    await fillClass(database.db, cls, MAX_CLASS_STUDENTS - 1);
    const inputs = ['Lê Văn Một', 'Lê Văn Hai'].map((fullName) =>
      studentInput.parse({ fullName, className: '7A1', statusSince: '2025-09-10' }),
    );
    const before = await database.db
      .selectFrom('students')
      .select('id')
      .where('unit_id', '=', unitId)
      .execute();
    const refusal = await addStudents(ctx, unitId, inputs).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StudentRefused);
    expect(refusal).toMatchObject({
      index: 1,
      error: { code: 'conflict', fields: { className: expect.any(String) } },
    });
    const after = await database.db
      .selectFrom('students')
      .select('id')
      .where('unit_id', '=', unitId)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
