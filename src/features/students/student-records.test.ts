import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildSchoolAccounts } from '../../../test/factories.ts';

describe.each(STORAGES)('thêm và sửa hồ sơ học sinh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;

  const newStudent = (extra: Record<string, unknown> = {}) => ({
    unitId: u.schoolA.id,
    fullName: 'nguyễn  văn an',
    birthDate: '2013-04-02',
    gender: 'male',
    ethnicity: 'kinh',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    principal = await t.as('ht.a');
  });
  afterAll(() => t.close());

  it('thêm học sinh kèm phụ huynh và lớp: tên chuẩn hoá, có lịch sử trạng thái, vào lớp, có nhật ký', async () => {
    const res = await principal.post(
      '/api/v1/students',
      newStudent({
        nationalId: '001213012345',
        moetStudentCode: '0100123456',
        className: '6a1',
        statusSince: '2025-09-05',
        guardians: [
          { fullName: 'trần thị hoa', relationship: 'mother', phone: '+84 912 345 678' },
          { fullName: 'Nguyễn Văn Bình', relationship: 'father', email: 'binh@example.vn' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fullName: 'Nguyễn Văn An',
      status: 'enrolled',
      statusSince: '2025-09-05',
      className: '6A1',
      grade: 6,
    });
    expect(
      res.body.guardians.map((g: { fullName: string; phone: string | null }) => [g.fullName, g.phone]),
    ).toEqual([
      ['Trần Thị Hoa', '0912345678'],
      ['Nguyễn Văn Bình', null],
    ]);
    expect(res.body.statusHistory).toMatchObject([{ status: 'enrolled', effectiveOn: '2025-09-05' }]);
    expect(res.body.sensitive).toMatchObject({ nationalId: '001213012345', nationalIdWarnings: [] });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('số định danh sai dạng bị từ chối với thông báo tiếng Việt ở đúng trường, không ghi gì', async () => {
    const before = await studentCount(t);
    for (const nationalId of ['12345', '00121301234A', '123456789']) {
      const res = await principal.post('/api/v1/students', newStudent({ nationalId }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields.nationalId).toContain('Số định danh cá nhân');
    }
    expect(await studentCount(t)).toBe(before);
  });

  it('số định danh lệch giới tính, năm sinh được lưu nhưng có cảnh báo; xác nhận thì hết cảnh báo', async () => {
    const res = await principal.post(
      '/api/v1/students',
      newStudent({
        fullName: 'Lê Thị Mai',
        gender: 'female',
        birthDate: '2013-01-01',
        nationalId: '001212099999',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.sensitive.nationalIdWarnings.map((w: { code: string }) => w.code)).toEqual([
      'national_id.gender_mismatch',
      'national_id.birth_year_mismatch',
    ]);
    const confirmed = await principal.patch(`/api/v1/students/${res.body.id}`, { nationalIdConfirmed: true });
    expect(confirmed.body.sensitive).toMatchObject({ nationalIdConfirmed: true, nationalIdWarnings: [] });
    // Changing the birth date asks for a new confirmation.
    const changed = await principal.patch(`/api/v1/students/${res.body.id}`, { birthDate: '2012-02-02' });
    expect(changed.body.sensitive.nationalIdConfirmed).toBe(false);
    expect(changed.body.sensitive.nationalIdWarnings.map((w: { code: string }) => w.code)).toEqual([
      'national_id.gender_mismatch',
    ]);
  });

  it('mã định danh CSDL ngành là duy nhất; mã có dấu cách bị từ chối', async () => {
    const first = await principal.post(
      '/api/v1/students',
      newStudent({ fullName: 'Võ Thị Ý', moetStudentCode: 'HS-77' }),
    );
    expect(first.status).toBe(201);
    const dup = await principal.post(
      '/api/v1/students',
      newStudent({ fullName: 'Võ Văn Ý', moetStudentCode: 'HS-77' }),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.moetStudentCode).toBeDefined();
    const spaced = await principal.post('/api/v1/students', newStudent({ moetStudentCode: 'HS 78' }));
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.fields.moetStudentCode).toContain('Mã định danh học sinh');
  });

  it('lớp không có trong năm học hiện tại: từ chối ở trường className và không tạo học sinh', async () => {
    const before = await studentCount(t);
    const res = await principal.post('/api/v1/students', newStudent({ className: '9Z9' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.className).toContain('9Z9');
    expect(await studentCount(t)).toBe(before);
  });

  it('kiểm tra dữ liệu: hộ nghèo và cận nghèo không cùng lúc; dân tộc trong danh mục; điện thoại 10 số', async () => {
    const res = await principal.post(
      '/api/v1/students',
      newStudent({
        ethnicity: 'martian',
        guardians: [{ fullName: 'Lê Văn Cha', relationship: 'father', phone: '12345' }],
      }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['ethnicity', 'guardians.0.phone']);
    const household = await principal.post(
      '/api/v1/students',
      newStudent({ poorHousehold: true, nearPoorHousehold: true }),
    );
    expect(household.status).toBe(400);
    expect(household.body.error.fields.nearPoorHousehold).toContain('cận nghèo');
  });

  it('sửa hồ sơ: danh sách phụ huynh được thay thế (sửa, thêm, bỏ), có nhật ký thay đổi', async () => {
    const created = await principal.post(
      '/api/v1/students',
      newStudent({
        fullName: 'Bùi Thanh Bình',
        guardians: [
          { fullName: 'Bùi Văn Cường', relationship: 'father', phone: '0987654321' },
          { fullName: 'Lý Thị Dung', relationship: 'mother' },
        ],
      }),
    );
    const [father] = created.body.guardians;
    const res = await principal.patch(`/api/v1/students/${created.body.id}`, {
      address: 'Thôn 3, xã Hòa Bình',
      guardians: [
        { id: father.id, fullName: 'Bùi Văn Cường', relationship: 'father', phone: '0987000111' },
        { fullName: 'Bùi Thị Em', relationship: 'guardian' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.sensitive.address).toBe('Thôn 3, xã Hòa Bình');
    expect(
      res.body.guardians.map((g: { fullName: string; phone: string | null }) => [g.fullName, g.phone]),
    ).toEqual([
      ['Bùi Văn Cường', '0987000111'],
      ['Bùi Thị Em', null],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', created.body.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('Bùi Thị Em');
  });

  it('giáo viên không thêm, không sửa được; hiệu trưởng trường A không thêm vào trường B', async () => {
    const teacher = await t.as('gv.a');
    expect((await teacher.post('/api/v1/students', newStudent())).status).toBe(403);
    const created = await principal.post('/api/v1/students', newStudent({ fullName: 'Hồ Thị Ửng' }));
    expect(
      (await teacher.patch(`/api/v1/students/${created.body.id}`, { fullName: 'Hồ Thị Ưng' })).status,
    ).toBe(403);
    expect(
      (await (await t.as('ht.b')).patch(`/api/v1/students/${created.body.id}`, { fullName: 'X Y' })).status,
    ).toBe(403);
    expect((await principal.post('/api/v1/students', newStudent({ unitId: u.schoolB.id }))).status).toBe(403);
    expect((await principal.post('/api/v1/students', newStudent({ unitId: u.officeA.id }))).status).toBe(403);
    expect((await (await t.as('phong.a')).post('/api/v1/students', newStudent())).status).toBe(403);
  });
});

async function studentCount(t: TestApp): Promise<number> {
  return (await t.db.selectFrom('students').select('id').execute()).length;
}
