import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import { buildClass, buildEnrolment, buildProvince, buildStudent } from '../../../test/factories.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import {
  arrayLiteral,
  existingResults,
  type SubjectYearRow,
  subjectYearBatch,
  type WriteMode,
  writeSubjectYearResults,
} from './write.ts';

/** Writes subject results as the close does: one batch of one school's year. */
function writeSubjects(
  db: Database['db'],
  cls: Row<'classes'>,
  rows: SubjectYearRow[],
  mode: WriteMode = 'upsert',
) {
  const batch = subjectYearBatch();
  for (const row of rows) batch.add(row);
  return writeSubjectYearResults(db, mode, { unitId: cls.unit_id, schoolYear: cls.school_year }, batch);
}

describe('arrayLiteral', () => {
  it('viết trần uuid, số và mã; đặt trong ngoặc kép mọi thứ khác', () => {
    expect(arrayLiteral(['3f0c2a8e-1b7d-4c1e-9a55-0d6f1c2b3a4d', 7.5, 0, 'ngu_van', null, undefined])).toBe(
      '{3f0c2a8e-1b7d-4c1e-9a55-0d6f1c2b3a4d,7.5,0,ngu_van,NULL,NULL}',
    );
    expect(arrayLiteral(['null', '', 'a b', 'x,y', '{z}', 'q"u\\o'])).toBe(
      '{"null","","a b","x,y","{z}","q\\"u\\\\o"}',
    );
  });
});

describe.each(STORAGES)('ghi kết quả học tập (%s)', (storage) => {
  let database: Database;
  let units: Awaited<ReturnType<typeof buildProvince>>;
  let cls: Row<'classes'>;
  let student: Row<'students'>;
  const row = (over: Partial<SubjectYearRow> = {}): SubjectYearRow => ({
    class_id: cls.id,
    student_id: student.id,
    subject_code: 'toan',
    year_average: 6.3,
    year_result: null,
    ...over,
  });

  beforeAll(async () => {
    database = await openTestDatabase(storage);
    units = await buildProvince(database.db);
    cls = await buildClass(database.db, { unit: units.schoolA, name: '7A', grade: 7 });
    student = await buildStudent(database.db, { unit: units.schoolA, fullName: 'Nguyễn Thị Ánh' });
    await buildEnrolment(database.db, { student, cls });
  });
  afterAll(() => database.close());

  it('mọi giá trị đi qua tham số mảng đều trở về nguyên vẹn', async () => {
    const values = ['null', '', 'a b', 'x,y', '{z}', 'q"u\\o', 'Ngữ văn', null];
    const { rows } = await sql<{
      v: string | null;
    }>`select unnest(${arrayLiteral(values)}::text[]) as v`.execute(database.db);
    expect(rows.map((r) => r.v)).toEqual(values);
  });

  it('ghi rồi ghi lại (cập nhật) một dòng theo khoá tự nhiên', async () => {
    const scope = { unitId: cls.unit_id, schoolYear: cls.school_year };
    expect(await existingResults(database.db, scope, [cls.id])).toEqual({
      studentResults: 'insert',
      subjectResults: 'insert',
    });
    await writeSubjects(database.db, cls, [row({ subject_code: 'ly' })], 'insert');
    expect(await existingResults(database.db, scope, [cls.id])).toEqual({
      studentResults: 'insert',
      subjectResults: 'upsert',
    });
    await writeSubjects(database.db, cls, [
      row(),
      row({ subject_code: 'gdcd', year_average: null, year_result: 'pass' }),
    ]);
    await writeSubjects(database.db, cls, [row({ year_average: 8 })]);
    const rows = await database.db
      .selectFrom('subject_year_results')
      .select(['subject_code', 'year_average', 'year_result'])
      .where('student_id', '=', student.id)
      .orderBy('subject_code')
      .execute();
    expect(
      rows.map((r) => [
        r.subject_code,
        r.year_average === null ? null : Number(r.year_average),
        r.year_result,
      ]),
    ).toEqual([
      ['gdcd', null, 'pass'],
      ['ly', 6.3, null],
      ['toan', 8, null],
    ]);
  });

  it('từ chối kết quả của học sinh không tồn tại hoặc của lớp thuộc trường khác, không ghi gì', async () => {
    const otherSchool = await buildClass(database.db, { unit: units.schoolB, name: '7B', grade: 7 });
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('subject_year_results')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      writeSubjects(database.db, cls, [
        row({ subject_code: 'ly' }),
        row({ subject_code: 'hoa', student_id: '00000000-0000-4000-8000-000000000000' }),
      ]),
    ).rejects.toThrow(/không tồn tại/);
    await expect(writeSubjects(database.db, cls, [row({ class_id: otherSchool.id })])).rejects.toThrow(
      /không tồn tại/,
    );
    await expect(
      database.db
        .insertInto('student_results')
        .values({
          unit_id: cls.unit_id,
          school_year: cls.school_year,
          student_id: student.id,
          term: 0,
          class_id: otherSchool.id,
        })
        .execute(),
    ).rejects.toThrow(/không tồn tại/);
    expect(await count()).toBe(before);
  });

  it('không xoá được lớp hay học sinh còn kết quả học tập', async () => {
    // Without the enrolment and status history, only the results still refer to the class and the student.
    await database.db.deleteFrom('enrolments').where('student_id', '=', student.id).execute();
    await database.db.deleteFrom('student_status_history').where('student_id', '=', student.id).execute();
    await expect(database.db.deleteFrom('classes').where('id', '=', cls.id).execute()).rejects.toThrow(
      /còn kết quả học tập/,
    );
    await expect(database.db.deleteFrom('students').where('id', '=', student.id).execute()).rejects.toThrow(
      /còn kết quả học tập/,
    );
  });
});
