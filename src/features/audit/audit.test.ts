import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';

describe.each(STORAGES)('nhật ký thay đổi và nhật ký truy cập dữ liệu cá nhân (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  let staffA: string;

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, {
      unit: u.schoolA,
      username: 'ht.a',
      fullName: 'Trần Văn Hải',
      roles: [{ role: 'principal' }],
    });
    await buildUser(t.db, { unit: u.schoolB, username: 'ht.b', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.officeB, username: 'phong.b', roles: [{ role: 'office_admin' }] });
    const created = await (await as('ht.a')).post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Văn Bảo',
      position: 'teacher',
      nationalId: '001085000444',
    });
    staffA = created.body.id;
    await (await as('ht.a')).patch(`/api/v1/staff/${staffA}`, { phone: '0912000444' });
    await (await as('ht.a')).get(`/api/v1/staff/${staffA}`);
    await (await as('ht.b')).post('/api/v1/staff', {
      unitId: u.schoolB.id,
      fullName: 'Lê Thị Cam',
      position: 'teacher',
    });
  });
  afterAll(() => t.close());

  it('hiệu trưởng xem nhật ký của trường mình, mới nhất trước, có trước/sau của thay đổi', async () => {
    const res = await (await as('ht.a')).get(`/api/v1/audit?unitId=${u.schoolA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(res.body.items[0]).toMatchObject({
      entity: 'staff',
      entityId: staffA,
      actor: { username: 'ht.a' },
      unitName: 'Trường THCS A',
      before: { phone: null },
      after: { phone: '0912000444' },
    });
  });

  it('lọc theo đối tượng, người thực hiện (không dấu) và khoảng ngày', async () => {
    const client = await as('ht.a');
    const base = `/api/v1/audit?unitId=${u.schoolA.id}`;
    expect((await client.get(`${base}&entity=department`)).body.total).toBe(0);
    expect((await client.get(`${base}&actor=${encodeURIComponent('tran van hai')}`)).body.total).toBe(2);
    expect((await client.get(`${base}&actor=ht.b`)).body.total).toBe(0);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await client.get(`${base}&from=${today}&to=${today}`)).body.total).toBe(2);
    expect((await client.get(`${base}&to=2020-01-01`)).body.total).toBe(0);
  });

  it('phòng A xem nhật ký các trường của mình, không xem được trường của phòng B', async () => {
    const office = await as('phong.a');
    const res = await office.get(`/api/v1/audit?unitId=${u.officeA.id}&entity=staff`);
    expect(res.body.items.every((e: { unitId: string }) => e.unitId === u.schoolA.id)).toBe(true);
    expect(res.body.total).toBe(2);
    expect((await office.get(`/api/v1/audit?unitId=${u.schoolB.id}`)).status).toBe(403);
    expect((await (await as('phong.b')).get(`/api/v1/audit?unitId=${u.schoolA.id}`)).status).toBe(403);
  });

  it('giáo viên không xem được nhật ký; hiệu trưởng trường B không xem được trường A', async () => {
    expect((await (await as('gv.a')).get(`/api/v1/audit?unitId=${u.schoolA.id}`)).status).toBe(403);
    expect((await (await as('ht.b')).get(`/api/v1/audit?unitId=${u.schoolA.id}`)).status).toBe(403);
    expect((await (await as('gv.a')).get(`/api/v1/audit/data-access?unitId=${u.schoolA.id}`)).status).toBe(
      403,
    );
  });

  it('nhật ký truy cập dữ liệu cá nhân: ai đã xem hồ sơ của ai', async () => {
    const res = await (await as('ht.a')).get(
      `/api/v1/audit/data-access?unitId=${u.schoolA.id}&subjectKind=staff`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        subjectKind: 'staff',
        subjectId: staffA,
        subjectName: 'Nguyễn Văn Bảo',
        action: 'view',
        actor: expect.objectContaining({ username: 'ht.a' }),
      }),
    ]);
    const other = await (await as('phong.b')).get(`/api/v1/audit/data-access?unitId=${u.schoolA.id}`);
    expect(other.status).toBe(403);
  });
});
