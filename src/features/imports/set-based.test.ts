import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildProvince, buildSchoolAccounts, buildUser } from '../../../test/factories.ts';
import { buildWorkbook, studentName } from '../../../test/factories-imports.ts';
import { registerImportKind } from '../../platform/imports/kinds.ts';
import { classesImportKind } from '../classes/import-kind.ts';
import { staffImportKind } from '../staff/import-kind.ts';

/** The staff and classes kinds without their set-based writes: every row through createStaff / createClass. */
const perRow = {
  staff: { ...staffImportKind, kind: 'staff-per-row', commitRows: undefined },
  classes: { ...classesImportKind, kind: 'classes-per-row', commitRows: undefined },
};

const cells = (
  kind: { columns: readonly { key: string }[] },
  values: Record<string, string | number | null>,
) => kind.columns.map((c) => values[c.key] ?? null);
const POSITIONS = ['Giáo viên', 'Giáo viên', 'Nhân viên', 'Phó hiệu trưởng'];
const STAFF = Array.from({ length: 40 }, (_, i) =>
  cells(staffImportKind, {
    fullName: studentName(i + 500),
    birthDate: i % 5 ? `0${(i % 9) + 1}/03/198${i % 10}` : null,
    gender: i % 2 ? 'Nữ' : 'Nam',
    nationalId: i % 3 ? null : `00108${i % 10}${String(1000 + i).padStart(6, '0')}`,
    phone: i % 4 ? `09${String(12345600 + i)}` : null,
    email: i % 6 ? null : `Giao.Vien${i}@Truong.edu.vn`,
    position: POSITIONS[i % POSITIONS.length] ?? 'Giáo viên',
    mainSubject: i % 2 ? 'Toán' : null,
    employmentStatus: i % 7 ? null : 'Hợp đồng',
    startDate: i % 3 ? '15/08/2010' : null,
  }),
);
const CLASSES = Array.from({ length: 12 }, (_, i) =>
  cells(classesImportKind, {
    name: `${6 + (i % 4)}A${Math.floor(i / 4) + 1}`,
    grade: 6 + (i % 4),
    // Rows 4k and 4k + 1 of STAFF are teachers, who may be homeroom teachers.
    homeroomTeacher: i % 3 ? studentName(500 + 4 * Math.floor(i / 2) + (i % 2)) : null,
    room: i % 2 ? `P${100 + i}` : null,
  }),
);

describe.each(STORAGES)('nhập cán bộ và lớp theo tập hợp (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  /** A school of another province: the same national IDs are not duplicates there. */
  let other: Awaited<ReturnType<typeof buildProvince>>;
  let setBased: TestClient;
  let rowByRow: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    registerImportKind(perRow.staff);
    registerImportKind(perRow.classes);
    u = await buildSchoolAccounts(t.db);
    setBased = await t.as('ht.a');
    other = await buildProvince(t.db);
    await buildUser(t.db, { unit: other.schoolA, username: 'ht.tinh2', roles: [{ role: 'principal' }] });
    rowByRow = await t.as('ht.tinh2');
  });
  afterAll(() => t.close());

  const importAs = async (
    client: TestClient,
    unitId: string,
    kind: string,
    sheet: string,
    rows: unknown[][],
  ) => {
    const headers = (kind.startsWith('staff') ? staffImportKind : classesImportKind).columns.map(
      (c) => c.header,
    );
    const content = await buildWorkbook(sheet, headers, rows as (string | number | null)[][]);
    const preview = await client.upload(`/api/v1/imports/preview?unitId=${unitId}&kind=${kind}`, 'file', {
      name: 'ds.xlsx',
      content,
      type: XLSX_MIME,
    });
    expect(preview.body.errors).toEqual([]);
    const commit = await client.post('/api/v1/imports/commit', { unitId, kind, fileId: preview.body.fileId });
    await t.jobs.idle();
    const job = await client.get(`/api/v1/jobs/${commit.body.jobId}`);
    expect(job.body.status).toBe('succeeded');
    return job.body.result;
  };

  /** What an import wrote in a school, ids and times replaced by stable labels (name of the record). */
  const written = async (unitId: string) => {
    const staff = await t.db.selectFrom('staff').selectAll().where('unit_id', '=', unitId).execute();
    const classes = await t.db.selectFrom('classes').selectAll().where('unit_id', '=', unitId).execute();
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action', 'before', 'after', 'actor_user_id'])
      .where('unit_id', '=', unitId)
      .where('entity', 'in', ['staff', 'class'])
      .execute();
    const labels = new Map<string, string>([[unitId, 'school']]);
    for (const s of staff) labels.set(s.id, `staff:${s.full_name}`);
    for (const c of classes) labels.set(c.id, `class:${c.name}`);
    const label = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value ?? null).replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
          (id) => labels.get(id) ?? 'other-id',
        ),
      );
    const sorted = <T>(rows: T[]) =>
      rows.map(label).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    return {
      staff: sorted(staff.map(({ created_at, updated_at, ...rest }) => rest)),
      classes: sorted(classes.map(({ created_at, ...rest }) => rest)),
      audits: sorted(audits.map(({ actor_user_id, ...rest }) => rest)),
    };
  };

  it('cán bộ rồi lớp (có chủ nhiệm): ghi theo tập hợp ra đúng hồ sơ và nhật ký như ghi từng dòng', async () => {
    expect(await importAs(setBased, u.schoolA.id, 'staff', 'Cán bộ', STAFF)).toMatchObject({ created: 40 });
    expect(await importAs(rowByRow, other.schoolA.id, 'staff-per-row', 'Cán bộ', STAFF)).toMatchObject({
      created: 40,
    });
    expect(await importAs(setBased, u.schoolA.id, 'classes', 'Lớp học', CLASSES)).toMatchObject({
      created: 12,
    });
    expect(await importAs(rowByRow, other.schoolA.id, 'classes-per-row', 'Lớp học', CLASSES)).toMatchObject({
      created: 12,
    });
    const [a, b] = [await written(u.schoolA.id), await written(other.schoolA.id)];
    expect(a.staff).toHaveLength(40);
    expect(a.classes).toHaveLength(12);
    expect(a.audits).toHaveLength(52);
    expect(JSON.stringify(a)).not.toContain('other-id');
    expect(a).toEqual(b);
  });
});
