import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildDepartment, buildStaff, buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';
import { loadAssignments } from '../../platform/auth/sessions.ts';
import { listStaffForExport } from './service.ts';

const DUPLICATED_ID = '001085000111';

describe.each(STORAGES)('hồ sơ cán bộ, giáo viên (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  const ids = { maths: '', literature: '', an: '', binh: '', cuc: '' };

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'gv.b', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a', roles: [{ role: 'office_specialist' }] });
    const headUser = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'tt.toan',
      roles: [{ role: 'teacher' }, { role: 'department_head' }],
    });
    const head = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Đỗ Minh Khoa', user: headUser });
    const maths = await buildDepartment(t.db, { unit: u.schoolA, name: 'Tổ Toán - Tin', head });
    const literature = await buildDepartment(t.db, { unit: u.schoolA, name: 'Tổ Ngữ văn' });
    await t.db.updateTable('staff').set({ department_id: maths.id }).where('id', '=', head.id).execute();
    ids.maths = maths.id;
    ids.literature = literature.id;
    const an = await buildStaff(t.db, {
      unit: u.schoolA,
      fullName: 'Nguyễn Văn An',
      department: maths,
      nationalId: DUPLICATED_ID,
      birthDate: '1985-03-02',
      gender: 'male',
      phone: '0912000111',
    });
    ids.an = an.id;
    await buildStaff(t.db, { unit: u.schoolA, fullName: 'Lê Văn An', department: literature });
    const binh = await buildStaff(t.db, {
      unit: u.schoolA,
      fullName: 'Trần Thị Bình',
      department: literature,
      nationalId: '001190000222',
      birthDate: '1990-01-01',
      gender: 'female',
    });
    ids.binh = binh.id;
    await buildStaff(t.db, {
      unit: u.schoolA,
      fullName: 'Phan Thu Ánh',
      position: 'staff',
      staffRole: 'accountant',
      mainSubject: null,
      employmentStatus: 'contract',
    });
    const cuc = await buildStaff(t.db, {
      unit: u.schoolB,
      fullName: 'Phạm Thị Cúc',
      nationalId: DUPLICATED_ID,
    });
    ids.cuc = cuc.id;
  });
  afterAll(() => t.close());

  const names = (res: { body: { items: { fullName: string }[] } }) => res.body.items.map((s) => s.fullName);

  it('tìm không dấu: "nguyen van an" tìm thấy "Nguyễn Văn An", không thấy "Lê Văn An"', async () => {
    const client = await as('ht.a');
    const res = await client.get(
      `/api/v1/staff?unitId=${u.schoolA.id}&q=${encodeURIComponent('nguyen van an')}`,
    );
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Nguyễn Văn An']);
    const byPhone = await client.get(`/api/v1/staff?unitId=${u.schoolA.id}&q=0912000`);
    expect(names(byPhone)).toEqual(['Nguyễn Văn An']);
  });

  it('danh sách xếp theo tên, rồi tên đệm, rồi họ; có phân trang', async () => {
    const client = await as('ht.a');
    const all = await client.get(`/api/v1/staff?unitId=${u.schoolA.id}`);
    expect(names(all)).toEqual([
      'Lê Văn An',
      'Nguyễn Văn An',
      'Phan Thu Ánh',
      'Trần Thị Bình',
      'Đỗ Minh Khoa',
    ]);
    const second = await client.get(`/api/v1/staff?unitId=${u.schoolA.id}&page=2&pageSize=2`);
    expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(second)).toEqual(['Phan Thu Ánh', 'Trần Thị Bình']);
  });

  it('lọc theo tổ chuyên môn, chức vụ và tình trạng công tác', async () => {
    const client = await as('ht.a');
    const base = `/api/v1/staff?unitId=${u.schoolA.id}`;
    expect(names(await client.get(`${base}&departmentId=${ids.literature}`))).toEqual([
      'Lê Văn An',
      'Trần Thị Bình',
    ]);
    expect(names(await client.get(`${base}&position=staff`))).toEqual(['Phan Thu Ánh']);
    expect(names(await client.get(`${base}&status=contract`))).toEqual(['Phan Thu Ánh']);
  });

  it('giáo viên trường A không xem được cán bộ trường B', async () => {
    const client = await as('gv.a');
    expect((await client.get(`/api/v1/staff?unitId=${u.schoolA.id}`)).status).toBe(200);
    expect((await client.get(`/api/v1/staff?unitId=${u.schoolB.id}`)).status).toBe(403);
    expect((await client.get(`/api/v1/staff/${ids.cuc}`)).status).toBe(403);
  });

  it('phòng A xem cán bộ các trường của phòng A, không xem được trường của phòng B', async () => {
    const client = await as('phong.a');
    const res = await client.get(`/api/v1/staff?unitId=${u.officeA.id}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);
    expect(res.body.items.every((s: { unitId: string }) => s.unitId === u.schoolA.id)).toBe(true);
    expect((await client.get(`/api/v1/staff?unitId=${u.schoolB.id}`)).status).toBe(403);
  });

  it('giáo viên không được thêm, sửa, xoá hồ sơ cán bộ', async () => {
    const client = await as('gv.a');
    const create = await client.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: 'Ai Đó',
      position: 'teacher',
    });
    expect(create.status).toBe(403);
    expect((await client.patch(`/api/v1/staff/${ids.binh}`, { phone: '0900000000' })).status).toBe(403);
    expect((await client.delete(`/api/v1/staff/${ids.binh}`)).status).toBe(403);
  });

  it('CCCD sai định dạng bị từ chối, báo lỗi tiếng Việt ở ô số định danh, không lưu gì', async () => {
    const client = await as('ht.a');
    const before = await t.db.selectFrom('staff').select('id').execute();
    const res = await client.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: 'Hoàng Văn Sai',
      position: 'teacher',
      nationalId: '0010850001',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.nationalId).toContain('12 chữ số');
    expect(await t.db.selectFrom('staff').select('id').execute()).toHaveLength(before.length);
  });

  it('CCCD lệch năm sinh và giới tính: vẫn lưu, trả về cảnh báo', async () => {
    const client = await as('ht.a');
    const res = await client.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: '  vũ thị   hạnh ',
      position: 'teacher',
      mainSubject: 'literature',
      gender: 'female',
      birthDate: '1990-05-01',
      nationalId: '001085000333',
      phone: '0912 345 678',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fullName: 'Vũ Thị Hạnh',
      nationalId: '001085000333',
      phone: '0912345678',
    });
    expect(res.body.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
      'national_id.birth_year_mismatch',
      'national_id.gender_mismatch',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('CCCD trùng với cán bộ khác trong tỉnh được đánh dấu', async () => {
    const client = await as('ht.a');
    const res = await client.get(`/api/v1/staff?unitId=${u.schoolA.id}&duplicatesOnly=true`);
    expect(names(res)).toEqual(['Nguyễn Văn An']);
    expect(res.body.items[0].duplicateNationalId).toBe(true);
    const detail = await client.get(`/api/v1/staff/${ids.binh}`);
    expect(detail.body.duplicateNationalId).toBe(false);
  });

  it('giáo viên chỉ xem danh bạ; hiệu trưởng xem CCCD và lượt xem được ghi nhật ký truy cập', async () => {
    const teacher = await (await as('gv.a')).get(`/api/v1/staff/${ids.an}`);
    expect(teacher.body).toMatchObject({ personalDataVisible: false, nationalId: null, birthDate: null });
    const principal = await (await as('ht.a')).get(`/api/v1/staff/${ids.an}`);
    expect(principal.body).toMatchObject({ personalDataVisible: true, nationalId: DUPLICATED_ID });
    const list = await (await as('ht.a')).get(`/api/v1/staff?unitId=${u.schoolA.id}`);
    expect(list.body.items.every((s: { nationalId: string | null }) => s.nationalId === null)).toBe(true);
    const log = await t.db
      .selectFrom('data_access_log')
      .selectAll()
      .where('subject_id', '=', ids.an)
      .where('unit_id', '=', u.schoolA.id)
      .execute();
    expect(log.map((l) => [l.subject_kind, l.action])).toEqual([['staff', 'view']]);
  });

  it('tổ trưởng xem hồ sơ đầy đủ của tổ mình, không xem của tổ khác', async () => {
    const client = await as('tt.toan');
    expect((await client.get(`/api/v1/staff/${ids.an}`)).body.nationalId).toBe(DUPLICATED_ID);
    expect((await client.get(`/api/v1/staff/${ids.binh}`)).body).toMatchObject({
      personalDataVisible: false,
      nationalId: null,
    });
  });

  it('tổ chuyên môn của trường khác bị từ chối', async () => {
    const other = await buildDepartment(t.db, { unit: u.schoolB, name: 'Tổ Toán' });
    const res = await (await as('ht.a')).patch(`/api/v1/staff/${ids.binh}`, { departmentId: other.id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.departmentId).toBeDefined();
  });

  it('sửa hồ sơ ghi nhật ký trước/sau chỉ các trường đổi; xoá hồ sơ nhập nhầm', async () => {
    const client = await as('ht.a');
    const res = await client.patch(`/api/v1/staff/${ids.binh}`, {
      phone: '0987654321',
      employmentStatus: 'on_leave',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phone: '0987654321',
      employmentStatus: 'on_leave',
      nationalId: '001190000222',
    });
    const [entry] = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', ids.binh)
      .where('action', '=', 'update')
      .execute();
    expect(entry?.before).toEqual({ phone: null, employment_status: 'official' });
    expect(entry?.after).toEqual({ phone: '0987654321', employment_status: 'on_leave' });
    const found = await client.get(`/api/v1/staff?unitId=${u.schoolA.id}&q=0987654`);
    expect(names(found)).toEqual(['Trần Thị Bình']);

    const extra = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Nhập Nhầm' });
    expect((await client.delete(`/api/v1/staff/${extra.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/staff/${extra.id}`)).status).toBe(404);
  });

  it('xuất danh sách: đủ hồ sơ theo thứ tự tên, ghi nhật ký truy cập dữ liệu cá nhân', async () => {
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'ht.a')
      .executeTakeFirstOrThrow();
    const ctx = {
      db: t.db,
      log: console,
      actor: {
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        mustChangePassword: false,
        assignments: await loadAssignments(t.db, user.id),
      },
    };
    const rows = await listStaffForExport(ctx, u.schoolA.id, { departmentId: ids.maths });
    expect(rows.map((r) => [r.fullName, r.nationalId])).toEqual([
      ['Nguyễn Văn An', DUPLICATED_ID],
      ['Đỗ Minh Khoa', null],
    ]);
    const exported = await t.db
      .selectFrom('data_access_log')
      .select('subject_id')
      .where('action', '=', 'list_export')
      .where('unit_id', '=', u.schoolA.id)
      .execute();
    expect(exported).toHaveLength(2);
  });
});
