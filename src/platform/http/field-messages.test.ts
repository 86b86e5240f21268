import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabelVi, invalidFieldMessage } from '#contracts/field-labels.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildProvince, buildUser } from '../../../test/factories.ts';

describe('tên mục trong thông báo lỗi bằng tiếng Việt', () => {
  it('mục được gọi bằng tên tiếng Việt của khoá cuối; vị trí trong danh sách đếm từ 1; khoá lạ giữ nguyên', () => {
    expect(fieldLabelVi('reason')).toBe('«Lý do»');
    expect(fieldLabelVi('rows.3.regular.1')).toBe('«ĐĐGtx thứ 2» (dòng 4)');
    expect(fieldLabelVi('rows.0.studentId')).toBe('«Học sinh» (dòng 1)');
    expect(fieldLabelVi('answer.subItems.I.5.1')).toBe('«Tiêu chí thành phần I.5.1»');
    expect(fieldLabelVi('somethingNew')).toBe('«somethingNew»');
    expect(invalidFieldMessage('_', 'Thiếu dữ liệu.')).toBe('Dữ liệu không hợp lệ: Thiếu dữ liệu.');
  });
});

describe('thông báo lỗi của API nêu tên mục bằng tiếng Việt', () => {
  let t: TestApp;
  let principal: TestClient;
  let schoolId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const units = await buildProvince(t.db);
    schoolId = units.schoolA.id;
    await buildUser(t.db, { unit: units.schoolA, username: 'ht.msg', roles: [{ role: 'principal' }] });
    principal = await t.as('ht.msg');
  });
  afterAll(() => t.close());

  it('lý do mở khoá quá ngắn: «Lý do», không còn tên trường tiếng Anh', async () => {
    const res = await principal.post('/api/v1/gradebook/unlocks', {
      classId: '00000000-0000-4000-8000-000000000000',
      subjectCode: 'math',
      term: 1,
      reason: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Dữ liệu không hợp lệ ở mục «Lý do»: Ghi rõ lí do mở khoá (ít nhất 5 kí tự).',
    );
    expect(res.body.error.fields).toHaveProperty('reason');
  });

  it('ký tự điều khiển trong từ khoá tìm kiếm: «Từ khoá tìm kiếm»', async () => {
    const res = await principal.get(`/api/v1/students?unitId=${schoolId}&q=a%00b`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('ở mục «Từ khoá tìm kiếm»');
  });

  it('thiếu phiên bản khi lưu tiêu chí: «Phiên bản»', async () => {
    const res = await principal.put('/api/v1/assessments/00000000-0000-4000-8000-000000000000/items/I.1', {
      answer: { met: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Dữ liệu không hợp lệ ở mục «Phiên bản»: /);
  });
});
