import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildStudent, buildUnit, buildUser } from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

const SHARED = '001213012345';

describe.each(STORAGES)('số định danh trùng trong tỉnh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let an: Row<'students'>;
  let anAgain: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.province, username: 'so', roles: [{ role: 'office_admin' }] });
    an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An', nationalId: SHARED });
    anAgain = await buildStudent(t.db, { unit: u.schoolB, fullName: 'Nguyễn Văn Ân', nationalId: SHARED });
    await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Văn Bình', nationalId: '001213099999' });
    // The same number in another province is not this province's duplicate.
    const otherProvince = await buildUnit(t.db, { parent: u.ministry, kind: 'province_office' });
    const otherSchool = await buildUnit(t.db, { parent: otherProvince, level: 'lower_secondary' });
    await buildStudent(t.db, { unit: otherSchool, fullName: 'Phạm Văn Chí', nationalId: '001213099999' });
  });
  afterAll(() => t.close());

  const duplicates = async (username: string, unitId: string) =>
    (await t.as(username)).get(`/api/v1/students/duplicate-national-ids?unitId=${unitId}`);

  it('sở thấy cả hai học sinh trùng số ở hai trường khác phòng; số trùng ở tỉnh khác không tính', async () => {
    const res = await duplicates('so', u.province.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        nationalId: SHARED,
        students: [
          { id: an.id, fullName: 'Nguyễn Văn An', unitId: u.schoolA.id, unitName: 'Trường THCS A' },
          { id: anAgain.id, fullName: 'Nguyễn Văn Ân', unitId: u.schoolB.id, unitName: 'Trường THCS B' },
        ],
        elsewhere: [],
      },
    ]);
  });

  it('hiệu trưởng trường A thấy học sinh của mình, học sinh trường khác chỉ được nêu tên trường', async () => {
    const res = await duplicates('ht.a', u.schoolA.id);
    expect(res.body).toEqual([
      {
        nationalId: SHARED,
        students: [{ id: an.id, fullName: 'Nguyễn Văn An', unitId: u.schoolA.id, unitName: 'Trường THCS A' }],
        elsewhere: [{ unitName: 'Trường THCS B' }],
      },
    ]);
  });

  it('hồ sơ và danh sách có dấu hiệu trùng số định danh', async () => {
    const principal = await t.as('ht.a');
    const detail = await principal.get(`/api/v1/students/${an.id}`);
    expect(detail.body.duplicateNationalId).toBe(true);
    expect(detail.body.sensitive.duplicateNationalIdCount).toBe(1);
    const list = await principal.get(`/api/v1/students?unitId=${u.schoolA.id}`);
    expect(
      list.body.items.map((s: { fullName: string; duplicateNationalId: boolean }) => [
        s.fullName,
        s.duplicateNationalId,
      ]),
    ).toEqual([
      ['Nguyễn Văn An', true],
      ['Lê Văn Bình', false],
    ]);
  });

  it('giáo viên không xem được danh sách trùng; phòng A không xem được phòng B', async () => {
    expect((await duplicates('gv.a', u.schoolA.id)).status).toBe(403);
    expect((await duplicates('phong.a', u.officeB.id)).status).toBe(403);
    expect((await duplicates('phong.a', u.schoolB.id)).status).toBe(403);
    const own = await duplicates('phong.a', u.officeA.id);
    expect(own.body[0].elsewhere).toEqual([{ unitName: 'Trường THCS B' }]);
  });
});
