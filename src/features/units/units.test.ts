import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildProvince, buildUser } from '../../../test/factories.ts';

describe.each(STORAGES)('đơn vị và phạm vi quản lý (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildProvince>>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildProvince(t.db);
    await buildUser(t.db, { unit: u.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a', roles: [{ role: 'office_specialist' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
  });
  afterAll(() => t.close());

  it('phòng chỉ thấy chính mình và các trường mình quản lý', async () => {
    const res = await (await t.as('phong.a')).get('/api/v1/units');
    expect(res.status).toBe(200);
    expect(res.body.map((x: { id: string }) => x.id).sort()).toEqual([u.officeA.id, u.schoolA.id].sort());
  });

  it('phòng bị từ chối khi xem trường của phòng khác', async () => {
    const client = await t.as('phong.a');
    expect((await client.get(`/api/v1/units/${u.schoolB.id}`)).status).toBe(403);
    expect((await client.get(`/api/v1/units?under=${u.officeB.id}`)).status).toBe(403);
  });

  it('sở thấy mọi đơn vị bên dưới, kể cả trường trực thuộc sở', async () => {
    const res = await (await t.as('so.admin')).get('/api/v1/units?category=school');
    expect(res.body.map((x: { name: string }) => x.name).sort()).toEqual([
      'Trường THCS A',
      'Trường THCS B',
      'Trường THPT C',
    ]);
  });

  it('giáo viên trường A không xem được trường B', async () => {
    const client = await t.as('gv.a');
    expect((await client.get(`/api/v1/units/${u.schoolA.id}`)).status).toBe(200);
    expect((await client.get(`/api/v1/units/${u.schoolB.id}`)).status).toBe(403);
  });

  it('tìm đơn vị không dấu', async () => {
    const res = await (await t.as('so.admin')).get(`/api/v1/units?q=${encodeURIComponent('truong thpt')}`);
    expect(res.body.map((x: { name: string }) => x.name)).toEqual(['Trường THPT C']);
  });

  it('tạo trường: cần cấp học, mã không trùng, có nhật ký', async () => {
    const client = await t.as('phong.a.admin');
    const noLevel = await client.post('/api/v1/units', {
      parentId: u.officeA.id,
      kind: 'school',
      code: 'TH-01',
      name: 'Trường TH Hoà Bình',
    });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body.error.fields.level).toBeDefined();
    const ok = await client.post('/api/v1/units', {
      parentId: u.officeA.id,
      kind: 'school',
      code: 'TH-01',
      name: 'Trường TH Hoà Bình',
      level: 'primary',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ gradeFrom: 1, gradeTo: 5, depth: 3 });
    const dup = await client.post('/api/v1/units', {
      parentId: u.officeA.id,
      kind: 'school',
      code: 'TH-01',
      name: 'Trường X',
      level: 'primary',
    });
    expect(dup.status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', ok.body.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('phòng không tạo được đơn vị dưới phòng khác; giáo viên không tạo được đơn vị', async () => {
    const body = { parentId: u.officeB.id, kind: 'school', code: 'X-1', name: 'Trường X', level: 'primary' };
    expect((await (await t.as('phong.a.admin')).post('/api/v1/units', body)).status).toBe(403);
    expect(
      (await (await t.as('gv.a')).post('/api/v1/units', { ...body, parentId: u.officeA.id })).status,
    ).toBe(403);
  });

  it('sáp nhập phòng: trường chuyển sang phòng mới, lịch sử giữ đơn vị cũ', async () => {
    const client = await t.as('so.admin');
    const preview = await client.get(
      `/api/v1/units/${u.officeB.id}/merge-preview?intoUnitId=${u.officeA.id}`,
    );
    expect(preview.body.units.items.map((x: { id: string }) => x.id)).toEqual([u.schoolB.id]);
    const res = await client.post(`/api/v1/units/${u.officeB.id}/merge`, {
      intoUnitId: u.officeA.id,
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2025-06-20',
      effectiveOn: '2025-07-01',
      reason: 'Sắp xếp chính quyền địa phương hai cấp',
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('merged');
    const school = await client.get(`/api/v1/units/${u.schoolB.id}`);
    expect(school.body.parentId).toBe(u.officeA.id);
    expect(school.body.ancestors.map((a: { id: string }) => a.id)).toContain(u.officeA.id);
    const history = await client.get(`/api/v1/units/${u.schoolB.id}/history`);
    expect(
      history.body.map((h: { parentId: string; validTo: string | null }) => [h.parentId, h.validTo]),
    ).toEqual([
      [u.officeB.id, '2025-07-01'],
      [u.officeA.id, null],
    ]);
    // The office A specialist now sees school B as well.
    const seen = await (await t.as('phong.a')).get(`/api/v1/units/${u.schoolB.id}`);
    expect(seen.status).toBe(200);
  });

  it('không chuyển được đơn vị vào đơn vị cấp dưới của nó', async () => {
    const res = await (await t.as('so.admin')).post(`/api/v1/units/${u.officeA.id}/move`, {
      parentId: u.schoolA.id,
      decisionNumber: '1/QĐ',
      decisionDate: '2025-06-20',
      effectiveOn: '2025-07-01',
      expectedState: 'x',
    });
    expect(res.status).toBe(400);
  });
});
