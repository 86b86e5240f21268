import { describe, expect, it } from 'vitest';
import { aspectsOf } from '../src/features/results/primary.ts';
import type { Row } from '../src/platform/db/schema.ts';
import { buildSchoolAccounts, buildUnit, buildUser } from '../test/factories.ts';
import {
  buildClassWithStudents,
  buildPrimaryEvaluation,
  buildStudentResult,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { logIn, logOut, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

// TT27 Điều 11 khoản 1 điểm b, c in the browser: the homeroom teacher of a primary class opens "Học sinh chưa hoàn
// thành" from the class's periodic evaluation, records the support plan and the further assessment; the principal
// decides "Chưa được lên lớp" with its grounds; the page reads on a phone.
let cls: Row<'classes'>;
describe('học sinh tiểu học chưa hoàn thành chương trình lớp học trên trình duyệt', () => {
  const e2e = setUpSuite(async (db) => {
    const u = await buildSchoolAccounts(db);
    const school = await buildUnit(db, {
      parent: u.officeA,
      level: 'primary',
      name: 'Trường Tiểu học Sơn Ca',
      currentSchoolYear: '2025-2026',
    });
    await buildUser(db, { unit: school, username: 'ht.sonca', roles: [{ role: 'principal' }] });
    const gvcn = await buildTeacherAccount(db, { unit: school, username: 'gvcn.2a', fullName: 'Lý Thị Hoa' });
    const built = await buildClassWithStudents(db, {
      unit: school,
      name: '2A',
      grade: 2,
      homeroomTeacher: gvcn.staff,
      students: ['Phạm Văn Minh'],
    });
    cls = built.cls;
    const student = built.students[0] as Row<'students'>;
    for (const a of aspectsOf(2, 'end2')) {
      const weak = a.aspect === 'subject:math';
      await buildPrimaryEvaluation(db, {
        cls,
        student,
        checkpoint: 'end2',
        aspect: a.aspect,
        level: a.kind === 'subject' ? (weak ? 'not_completed' : 'completed') : 'pass',
        testScore: a.test ? (weak ? 3 : 7) : null,
      });
    }
    // As the year close stores a pupil at Chưa hoàn thành (close-primary.ts).
    await buildStudentResult(db, { cls, student, term: 0, primaryOutcome: 'not_completed' });
  });

  it('kế hoạch hỗ trợ → đánh giá bổ sung → Hiệu trưởng quyết định; đọc được trên điện thoại', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'gvcn.2a');
    await page.goto(`${server.url}/results/classes/${cls.id}/primary`);
    await page.getByRole('link', { name: 'Học sinh chưa hoàn thành' }).click();
    await page.getByText('Phạm Văn Minh').waitFor();
    await page.getByText('Cần lập kế hoạch hướng dẫn, giúp đỡ').waitFor();
    await page.getByLabel('Kế hoạch hướng dẫn, giúp đỡ').fill('Kèm Toán mỗi chiều thứ Ba trong hè.');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Chờ đánh giá bổ sung').waitFor();
    await page.getByLabel('Toán', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Hoàn thành', exact: true }).click();
    await page.getByLabel('Điểm KTĐK').fill('4');
    await page.getByRole('button', { name: 'Lưu đánh giá bổ sung' }).click();
    await page.getByText('Kết quả sau đánh giá bổ sung: Chưa hoàn thành').waitFor();
    await page.getByText('Chờ Hiệu trưởng quyết định').waitFor();
    await page.screenshot({ path: '/tmp/i12p-support-teacher-1366.png', fullPage: true });
    await logOut(page);

    await logIn(page, server.url, 'ht.sonca');
    await page.goto(`${server.url}/results/classes/${cls.id}/primary-support`);
    await page.getByText('Chưa được lên lớp').first().click();
    await page.getByLabel('Căn cứ quyết định').fill('Chưa thực hiện được phép cộng có nhớ.');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText('Đã có quyết định').waitFor();
    await page.screenshot({ path: '/tmp/i12p-support-principal-1366.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    const phone = await newPage(browser, PHONE);
    await logIn(phone.page, server.url, 'ht.sonca');
    await phone.page.goto(`${server.url}/results/classes/${cls.id}/primary-support`);
    await phone.page.getByText('Đã có quyết định').waitFor();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: '/tmp/i12p-support-390.png', fullPage: true });
    await phone.context.close();
  }, 180_000);
});
