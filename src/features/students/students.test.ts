import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

const names = (body: { items: { fullName: string }[] }) => body.items.map((s) => s.fullName);

describe.each(STORAGES)('hồ sơ học sinh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let an: Row<'students'>;
  let binh: Row<'students'>;
  let dat: Row<'students'>;
  let class6: Row<'classes'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    class6 = await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    const class7 = await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    const parent = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'phhs.an',
      roles: [{ role: 'guardian' }],
    });
    const self = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'hs.binh',
      roles: [{ role: 'student' }],
    });
    an = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Nguyễn Văn An',
      nationalId: '001213012345',
      address: '12 Lê Lợi',
    });
    binh = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Trần Thị Bình',
      gender: 'female',
      user: self,
    });
    const leAn = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Văn An' });
    const anh = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Phạm Minh Ánh', gender: 'female' });
    await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Đặng Thùy Dương',
      gender: 'female',
      status: 'dropped_out',
    });
    dat = await buildStudent(t.db, { unit: u.schoolB, fullName: 'Ngô Quốc Đạt' });
    await buildGuardian(t.db, { student: an, fullName: 'Nguyễn Thị Hoa', phone: '0912345678', user: parent });
    for (const s of [an, binh, leAn]) await buildEnrolment(t.db, { student: s, cls: class6 });
    await buildEnrolment(t.db, { student: anh, cls: class7 });
  });
  afterAll(() => t.close());

  const list = async (username: string, params: string) =>
    (await t.as(username)).get(`/api/v1/students?unitId=${u.schoolA.id}${params}`);

  it('tìm không dấu: "nguyen van an" tìm thấy Nguyễn Văn An, không phân biệt hoa thường', async () => {
    expect(names((await list('gv.a', '&q=nguyen%20van%20an')).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list('gv.a', '&q=NGUYEN%20VAN%20AN')).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list('gv.a', `&q=${encodeURIComponent('Nguyễn Văn An')}`)).body)).toEqual([
      'Nguyễn Văn An',
    ]);
  });

  it('mọi từ tìm kiếm đều phải khớp, theo bất kỳ thứ tự nào', async () => {
    expect(names((await list('gv.a', '&q=an%20van')).body)).toEqual(['Lê Văn An', 'Nguyễn Văn An']);
    expect(names((await list('gv.a', '&q=van%20binh')).body)).toEqual([]);
  });

  it('danh sách xếp theo tên, rồi tên đệm, rồi họ (thứ tự sổ lớp)', async () => {
    expect(names((await list('gv.a', '')).body)).toEqual([
      'Lê Văn An',
      'Nguyễn Văn An',
      'Phạm Minh Ánh',
      'Trần Thị Bình',
      'Đặng Thùy Dương',
    ]);
  });

  it('lọc theo lớp, khối, trạng thái, giới tính; chưa xếp lớp; phân trang giữ tổng số', async () => {
    expect(names((await list('gv.a', `&classId=${class6.id}`)).body)).toEqual([
      'Lê Văn An',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]);
    expect(names((await list('gv.a', '&grade=7')).body)).toEqual(['Phạm Minh Ánh']);
    expect(names((await list('gv.a', '&status=dropped_out')).body)).toEqual(['Đặng Thùy Dương']);
    expect(names((await list('gv.a', '&status=active&gender=female')).body)).toEqual([
      'Phạm Minh Ánh',
      'Trần Thị Bình',
    ]);
    expect(names((await list('gv.a', '&classId=none')).body)).toEqual(['Đặng Thùy Dương']);
    const page = await list('gv.a', '&pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2, schoolYear: '2025-2026' });
    expect(names(page.body)).toEqual(['Phạm Minh Ánh', 'Trần Thị Bình']);
    const first = page.body.items[0];
    expect(first).toMatchObject({ className: '7A1', grade: 7 });
  });

  it('danh sách: giáo viên trường A bị từ chối ở trường B; phòng A không xem trường của phòng B', async () => {
    expect((await list('gv.b', '')).status).toBe(403);
    expect((await list('phong.b', '')).status).toBe(403);
    expect((await list('phong.a', '')).status).toBe(200);
    expect((await (await t.as('gv.a')).get(`/api/v1/students?unitId=${u.schoolB.id}`)).status).toBe(403);
    expect((await list('phhs.an', '')).status).toBe(403);
  });

  it('giáo viên không nhận trường nhạy cảm (CCCD, địa chỉ, dân tộc...); hiệu trưởng thì có', async () => {
    const teacherList = await list('gv.a', '&q=nguyen');
    expect(teacherList.body.items[0].duplicateNationalId).toBeNull();
    const teacher = await (await t.as('gv.a')).get(`/api/v1/students/${an.id}`);
    expect(teacher.status).toBe(200);
    expect(teacher.body.sensitive).toBeNull();
    expect(JSON.stringify(teacher.body)).not.toContain('001213012345');
    expect(JSON.stringify(teacher.body)).not.toContain('Lê Lợi');
    expect(teacher.body.guardians[0]).toMatchObject({ fullName: 'Nguyễn Thị Hoa', phone: '0912345678' });
    const principal = await (await t.as('ht.a')).get(`/api/v1/students/${an.id}`);
    expect(principal.body.sensitive).toMatchObject({ nationalId: '001213012345', address: '12 Lê Lợi' });
    expect(principal.body.permissions).toContain('students.personal_data');
  });

  it('xem hồ sơ: giáo viên trường A bị từ chối học sinh trường B; phòng A bị từ chối học sinh của phòng B', async () => {
    expect((await (await t.as('gv.a')).get(`/api/v1/students/${dat.id}`)).status).toBe(403);
    expect((await (await t.as('phong.a')).get(`/api/v1/students/${dat.id}`)).status).toBe(403);
    expect((await (await t.as('phong.b')).get(`/api/v1/students/${dat.id}`)).status).toBe(200);
    expect(
      (await (await t.as('gv.a')).get('/api/v1/students/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });

  it('phụ huynh chỉ xem con mình, bị từ chối hồ sơ học sinh khác; học sinh chỉ xem chính mình', async () => {
    const parent = await t.as('phhs.an');
    const own = await parent.get(`/api/v1/students/${an.id}`);
    expect(own.status).toBe(200);
    expect(own.body.className).toBe('6A1');
    expect(own.body.permissions).toEqual(['personal_data.export_own']);
    expect((await parent.get(`/api/v1/students/${binh.id}`)).status).toBe(403);
    const self = await t.as('hs.binh');
    expect((await self.get(`/api/v1/students/${binh.id}`)).status).toBe(200);
    expect((await self.get(`/api/v1/students/${an.id}`)).status).toBe(403);
  });

  it('/students/mine: phụ huynh thấy con mình, học sinh thấy chính mình, giáo viên không có ai', async () => {
    const mine = await (await t.as('phhs.an')).get('/api/v1/students/mine');
    expect(mine.body.map((s: { fullName: string; link: string }) => [s.fullName, s.link])).toEqual([
      ['Nguyễn Văn An', 'guardian'],
    ]);
    expect(mine.body[0]).toMatchObject({ className: '6A1', schoolYear: '2025-2026' });
    const self = await (await t.as('hs.binh')).get('/api/v1/students/mine');
    expect(self.body.map((s: { link: string }) => s.link)).toEqual(['self']);
    expect((await (await t.as('gv.a')).get('/api/v1/students/mine')).body).toEqual([]);
    expect((await t.anonymous().get('/api/v1/students/mine')).status).toBe(401);
  });

  it('mỗi lần xem hồ sơ được ghi vào nhật ký truy cập dữ liệu cá nhân', async () => {
    const before = await accessLogCount(t, an.id);
    await (await t.as('gv.a')).get(`/api/v1/students/${an.id}`);
    await (await t.as('phhs.an')).get(`/api/v1/students/${an.id}`);
    expect(await accessLogCount(t, an.id)).toBe(before + 2);
  });
});

async function accessLogCount(t: TestApp, studentId: string): Promise<number> {
  const rows = await t.db
    .selectFrom('data_access_log')
    .select('id')
    .where('subject_id', '=', studentId)
    .where('action', '=', 'view')
    .execute();
  return rows.length;
}
