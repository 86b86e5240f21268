import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildStaff, buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';

const YEAR = '2025-2026';

describe.each(STORAGES)('bảng biên chế (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'gv.b', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.officeB, username: 'phong.b', roles: [{ role: 'office_admin' }] });
    const school = u.schoolA;
    const leader = { unit: school, mainSubject: null };
    await buildStaff(t.db, { ...leader, position: 'principal', qualification: 'master' });
    await buildStaff(t.db, { ...leader, position: 'vice_principal' });
    await buildStaff(t.db, { ...leader, position: 'vice_principal' });
    await buildStaff(t.db, { unit: school, mainSubject: 'math' });
    await buildStaff(t.db, { unit: school, mainSubject: 'math' });
    await buildStaff(t.db, {
      unit: school,
      mainSubject: 'math',
      qualification: 'master',
      employmentStatus: 'contract',
    });
    await buildStaff(t.db, {
      unit: school,
      mainSubject: 'literature',
      qualification: 'college',
      employmentStatus: 'probation',
    });
    // Not counted as current: on long leave, or gone.
    await buildStaff(t.db, { unit: school, mainSubject: 'foreign-language-1', employmentStatus: 'on_leave' });
    await buildStaff(t.db, { unit: school, mainSubject: 'math', employmentStatus: 'left' });
    const support = { unit: school, position: 'staff' as const, mainSubject: null };
    await buildStaff(t.db, { ...support, staffRole: 'accountant' });
    await buildStaff(t.db, {
      ...support,
      staffRole: 'security',
      qualification: 'below_intermediate',
      employmentStatus: 'contract',
    });
    // School B's staff never show in school A's table.
    await buildStaff(t.db, { unit: u.schoolB, mainSubject: 'math' });
    await t.db
      .insertInto('staffing_quotas')
      .values(
        [
          ['leadership', 3],
          ['teacher:math', 2],
          ['teacher:literature', 2],
          ['support:accountant', 1],
          ['support:clerk', 1],
        ].map(([group, quota]) => ({
          unit_id: school.id,
          school_year: YEAR,
          staffing_group: String(group),
          quota: Number(quota),
        })),
      )
      .execute();
  });
  afterAll(() => t.close());

  const pick = (row: Record<string, unknown>) => [
    row.group,
    row.quota,
    row.current,
    row.surplus,
    row.shortage,
  ];

  it('biên chế được giao, hiện có, thừa, thiếu theo từng nhóm và tổng', async () => {
    const res = await (await as('ht.a')).get(`/api/v1/staffing?unitId=${u.schoolA.id}&schoolYear=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map(pick)).toEqual([
      ['leadership', 3, 3, 0, 0],
      ['teacher:literature', 2, 1, 0, 1],
      ['teacher:math', 2, 3, 1, 0],
      ['support:accountant', 1, 1, 0, 0],
      ['support:clerk', 1, 0, 0, 1],
      ['support:security', null, 1, null, null],
    ]);
    expect(res.body.total).toMatchObject({ quota: 9, current: 9, surplus: 1, shortage: 2 });
    const teachers = res.body.sections.find((s: { section: string }) => s.section === 'teachers');
    expect(teachers).toMatchObject({
      quota: 4,
      current: 4,
      surplus: 1,
      shortage: 1,
      contract: 1,
      probation: 1,
    });
  });

  it('hiện có chia theo hình thức và trình độ đào tạo', async () => {
    const res = await (await as('gv.a')).get(`/api/v1/staffing?unitId=${u.schoolA.id}&schoolYear=${YEAR}`);
    const math = res.body.rows.find((r: { group: string }) => r.group === 'teacher:math');
    expect(math).toMatchObject({ label: 'Giáo viên Toán', official: 2, contract: 1, probation: 0 });
    expect(math.qualifications).toMatchObject({ bachelor: 2, master: 1, college: 0, unknown: 0 });
    expect(res.body.total.qualifications).toMatchObject({
      master: 2,
      bachelor: 5,
      college: 1,
      below_intermediate: 1,
    });
  });

  it('hiệu trưởng và phòng quản lý sửa được biên chế được giao; để trống thì bỏ chỉ tiêu', async () => {
    const put = (quotas: unknown) => ({ unitId: u.schoolA.id, schoolYear: YEAR, quotas });
    const byPrincipal = await (await as('ht.a')).put(
      '/api/v1/staffing/quotas',
      put([{ group: 'support:security', quota: 1 }]),
    );
    expect(byPrincipal.status).toBe(200);
    expect(pick(byPrincipal.body.rows.at(-1))).toEqual(['support:security', 1, 1, 0, 0]);
    const byOffice = await (await as('phong.a')).put(
      '/api/v1/staffing/quotas',
      put([{ group: 'support:clerk', quota: null }]),
    );
    expect(byOffice.status).toBe(200);
    expect(byOffice.body.rows.some((r: { group: string }) => r.group === 'support:clerk')).toBe(false);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'staffing_quota')
      .where('unit_id', '=', u.schoolA.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ 'support:security': null }, { 'support:security': 1 }],
      [{ 'support:clerk': 1 }, { 'support:clerk': null }],
    ]);
  });

  it('nhóm biên chế không có trong danh mục bị từ chối', async () => {
    const res = await (await as('ht.a')).put('/api/v1/staffing/quotas', {
      unitId: u.schoolA.id,
      schoolYear: YEAR,
      quotas: [{ group: 'teacher:alchemy', quota: 1 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['quotas.0.group']).toBeDefined();
  });

  it('giáo viên, phòng khác không sửa được biên chế; giáo viên trường B không xem được bảng của trường A', async () => {
    const body = { unitId: u.schoolA.id, schoolYear: YEAR, quotas: [{ group: 'leadership', quota: 9 }] };
    expect((await (await as('gv.a')).put('/api/v1/staffing/quotas', body)).status).toBe(403);
    expect((await (await as('phong.b')).put('/api/v1/staffing/quotas', body)).status).toBe(403);
    const read = await (await as('gv.b')).get(`/api/v1/staffing?unitId=${u.schoolA.id}&schoolYear=${YEAR}`);
    expect(read.status).toBe(403);
  });
});
