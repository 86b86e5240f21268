import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildStaff, buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';

describe.each(STORAGES)('tổ chuyên môn (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  let teacherA: { id: string };
  let teacherB: { id: string };

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'gv.b', roles: [{ role: 'teacher' }] });
    const headUser = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'tt.a',
      roles: [{ role: 'department_head' }],
    });
    teacherA = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Nguyễn Thị Lan', user: headUser });
    teacherB = await buildStaff(t.db, { unit: u.schoolB, fullName: 'Lê Văn Hùng' });
  });
  afterAll(() => t.close());

  it('tạo, đổi tên tổ; tổ trưởng là cán bộ của trường; tổ trưởng thấy tổ của mình', async () => {
    const client = await as('ht.a');
    const created = await client.post('/api/v1/departments', {
      unitId: u.schoolA.id,
      name: 'Tổ Khoa học tự nhiên',
      headStaffId: teacherA.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ headName: 'Nguyễn Thị Lan', memberCount: 0 });
    const renamed = await client.patch(`/api/v1/departments/${created.body.id}`, { name: 'Tổ KHTN' });
    expect(renamed.body.name).toBe('Tổ KHTN');
    const mine = await (await as('tt.a')).get(`/api/v1/departments?unitId=${u.schoolA.id}`);
    expect(mine.body.map((d: { name: string; isMine: boolean }) => [d.name, d.isMine])).toEqual([
      ['Tổ KHTN', true],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', created.body.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ before: { name: 'Tổ Khoa học tự nhiên' }, after: { name: 'Tổ KHTN' } });
  });

  it('tên tổ trùng (không phân biệt hoa thường) bị từ chối', async () => {
    const client = await as('ht.a');
    await client.post('/api/v1/departments', { unitId: u.schoolA.id, name: 'Tổ Ngữ văn' });
    const dup = await client.post('/api/v1/departments', { unitId: u.schoolA.id, name: 'tổ ngữ văn' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.name).toBeDefined();
  });

  it('tổ trưởng là cán bộ trường khác bị từ chối', async () => {
    const res = await (await as('ht.a')).post('/api/v1/departments', {
      unitId: u.schoolA.id,
      name: 'Tổ Ngoại ngữ',
      headStaffId: teacherB.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.headStaffId).toBeDefined();
  });

  it('chỉ xoá được tổ không còn cán bộ', async () => {
    const client = await as('ht.a');
    const dept = await client.post('/api/v1/departments', { unitId: u.schoolA.id, name: 'Tổ Thể dục' });
    const member = await buildStaff(t.db, { unit: u.schoolA, department: { id: dept.body.id } });
    const refused = await client.delete(`/api/v1/departments/${dept.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('còn 1 cán bộ');
    await client.patch(`/api/v1/staff/${member.id}`, { departmentId: null });
    expect((await client.delete(`/api/v1/departments/${dept.body.id}`)).status).toBe(204);
  });

  it('giáo viên không tạo được tổ; giáo viên trường B không xem được tổ của trường A', async () => {
    const res = await (await as('gv.a')).post('/api/v1/departments', { unitId: u.schoolA.id, name: 'Tổ X' });
    expect(res.status).toBe(403);
    expect((await (await as('gv.a')).get(`/api/v1/departments?unitId=${u.schoolA.id}`)).status).toBe(200);
    expect((await (await as('gv.b')).get(`/api/v1/departments?unitId=${u.schoolA.id}`)).status).toBe(403);
    const [dept] = (await (await as('ht.a')).get(`/api/v1/departments?unitId=${u.schoolA.id}`)).body;
    expect((await (await as('gv.b')).patch(`/api/v1/departments/${dept.id}`, { name: 'Tổ Y' })).status).toBe(
      403,
    );
    expect((await (await as('gv.b')).delete(`/api/v1/departments/${dept.id}`)).status).toBe(403);
  });
});
