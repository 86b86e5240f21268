/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../src/domain/dx-index/index.ts';
import {
  answers4725,
  buildAssessmentCampaign,
  buildAssessmentPeople,
  fillAssessment,
} from '../test/factories.ts';
import {
  DESKTOP,
  type E2EServer,
  launchBrowser,
  logIn,
  logOut,
  newPage,
  PHONE,
  startServer,
} from './harness.ts';

/**
 * The whole DX self-assessment round in Chromium: a teacher and the principal fill two criteria with evidence,
 * the principal approves and submits, the office returns it, the school resubmits, the office closes the
 * external assessment and recognises the school, and the public page (no login) shows the level.
 */
describe('đánh giá mức độ chuyển đổi số: trường → phòng → công khai', () => {
  let server: E2EServer;
  let browser: Browser;
  let assessmentId: string;
  let campaignId: string;
  let schoolId: string;
  let officeId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const world = await buildAssessmentPeople(server.db);
    const built = await buildAssessmentCampaign(server.db, {
      office: world.officeA,
      units: [world.schoolA],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
    });
    const assessment = built.assessments[0];
    if (!assessment) throw new Error('no assessment');
    // Every criterion but the two the test fills in the browser (I.1 by the principal, I.4 by a teacher).
    const { 'I.1': _i1, 'I.4': _i4, ...others } = answers4725();
    await fillAssessment(server.db, assessment, others);
    await server.db
      .insertInto('assessment_items')
      .values({
        unit_id: assessment.unit_id,
        assessment_id: assessment.id,
        item_id: 'I.4',
        assignee_user_id: world.people.teacher.id,
      })
      .execute();
    assessmentId = assessment.id;
    campaignId = built.campaign.id;
    schoolId = world.schoolA.id;
    officeId = world.officeA.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('phòng B mở đợt đánh giá bằng biểu mẫu (ngày gõ kiểu dd/mm/yyyy); bảng theo dõi có trường của phòng', async () => {
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'phong.b');
    await page.goto(`${server.url}/assessment-campaigns`);
    await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    await page.getByTestId('campaign-catalogue').click();
    await page.getByRole('option').first().click();
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Tên đợt đánh giá' })
      .fill('Đánh giá CĐS phòng B');
    const dates = {
      selfAssessmentStartsOn: '01/04/2026',
      submissionDeadline: '30/04/2026',
      externalStartsOn: '05/05/2026',
      externalEndsOn: '20/06/2026',
      publicationOn: '10/07/2026',
    };
    for (const [field, value] of Object.entries(dates)) {
      await page.getByTestId(`date-${field}`).fill(value);
      await page.getByTestId(`date-${field}`).press('Tab');
    }
    await page.getByRole('dialog').getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    await page.getByRole('link', { name: 'Trường THCS B' }).waitFor();
    expect(await page.getByText('hạn nộp 30/04/2026').count()).toBe(1);
    await logOut(page);
    await context.close();
  });

  const openItem = async (page: Page, testId: string) => {
    await page.getByTestId(testId).locator('button').first().click();
  };
  const status = (page: Page) => page.getByTestId('assessment-status');

  it('giáo viên được giao điền tiêu chí I.4 với liên kết minh chứng (màn hình điện thoại)', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'gv.a');
    await page.goto(`${server.url}/assessments/${assessmentId}`);
    await openItem(page, 'item-I.4');
    await page.getByTestId('percent-I.4').fill('85');
    await page.getByTestId('evidence-link-I.4').fill('https://hoclieu.truong.edu.vn/danh-muc');
    await page.getByTestId('evidence-add-link-I.4').click();
    await page.getByTestId('item-I.4').getByText('Minh chứng (1)').waitFor();
    await page.getByTestId('save-I.4').click();
    await page.getByText('Đã lưu tiêu chí I.4.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await logOut(page);
    await context.close();
  });

  it('hai phiên cùng sửa I.4: lần lưu cũ hiện giá trị mới của người kia, chọn giữ của mình thì lưu lại được', async () => {
    const stale = await newPage(browser, DESKTOP);
    await logIn(stale.page, server.url, 'ht.a');
    await stale.page.goto(`${server.url}/assessments/${assessmentId}`);
    await openItem(stale.page, 'item-I.4');
    const fresh = await newPage(browser, PHONE);
    await logIn(fresh.page, server.url, 'ht.a');
    await fresh.page.goto(`${server.url}/assessments/${assessmentId}`);
    await openItem(fresh.page, 'item-I.4');
    await fresh.page.getByTestId('note-I.4').fill('Danh mục học liệu năm 2025');
    await fresh.page.getByTestId('save-I.4').click();
    await fresh.page.getByText('Đã lưu tiêu chí I.4.').waitFor();

    await stale.page.getByTestId('note-I.4').fill('Kho học liệu của trường');
    await stale.page.getByTestId('save-I.4').click();
    const conflict = stale.page.getByTestId('conflict-I.4');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Tiêu chí đã được người khác sửa sau khi bạn mở trang');
    expect(await conflict.textContent()).toContain('Danh mục học liệu năm 2025');
    const noteNow = async () =>
      (
        await server.db
          .selectFrom('assessment_items')
          .select('note')
          .where('assessment_id', '=', assessmentId)
          .where('item_id', '=', 'I.4')
          .executeTakeFirstOrThrow()
      ).note;
    expect(await noteNow()).toBe('Danh mục học liệu năm 2025');
    await stale.page.getByTestId('keep-mine-I.4').click();
    await stale.page.getByText('Đã lưu tiêu chí I.4.').waitFor();
    expect(await noteNow()).toBe('Kho học liệu của trường');
    await logOut(stale.page);
    await stale.context.close();
    await logOut(fresh.page);
    await fresh.context.close();
  });

  it('hiệu trưởng điền I.1 kèm tệp minh chứng, thấy tổng điểm tạm tính, phê duyệt và nộp', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'ht.a');
    await page.goto(`${server.url}/assessments/${assessmentId}`);
    await openItem(page, 'item-I.1');
    await page.getByTestId('met-I.1').getByText('Đạt', { exact: true }).click();
    await page
      .getByTestId('item-I.1')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'Kế hoạch dạy học trực tuyến.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4'),
      });
    await page.getByTestId('evidence-upload-I.1').click();
    await page.getByTestId('item-I.1').getByText('Minh chứng (1)').waitFor();
    await page.getByTestId('save-I.1').click();
    await page.getByText('Đã lưu tiêu chí I.1.').waitFor();
    await expect(page.getByTestId('self-summary-level').textContent()).resolves.toBe(
      'Mức 2 - Đáp ứng cơ bản',
    );
    await page.getByTestId('approve').click();
    await page.getByTestId('approve-confirm').click();
    await page.getByText('Đã phê duyệt kết quả tự đánh giá; kết quả được chốt.').waitFor();
    await status(page).filter({ hasText: 'Đã phê duyệt' }).waitFor();
    await page.getByTestId('submit').click();
    await page.getByText('Đã nộp kết quả tự đánh giá cho cơ quan quản lý.').waitFor();
    await status(page).filter({ hasText: 'Đã nộp' }).waitFor();
    await logOut(page);
    await context.close();
  });

  it('phòng trả lại với nhận xét cho tiêu chí I.4', async () => {
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'phong.a');
    await page.goto(`${server.url}/assessments/${assessmentId}/review`);
    await openItem(page, 'review-item-I.4');
    await page.getByTestId('review-item-I.4').getByText('https://hoclieu.truong.edu.vn/danh-muc').waitFor();
    await page.getByTestId('return-comment-I.4').fill('Cần danh mục học liệu số theo từng môn');
    await page.getByTestId('return').click();
    await page.getByTestId('action-comment').fill('Đề nghị nhà trường bổ sung minh chứng');
    await page.getByTestId('action-confirm').click();
    await status(page).filter({ hasText: 'Bị trả lại' }).waitFor();
    await logOut(page);
    await context.close();
  });

  it('trường thấy nhận xét, sửa, phê duyệt lại và nộp lại', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'ht.a');
    await page.goto(`${server.url}/assessments/${assessmentId}`);
    await expect(page.getByTestId('returned-alert').textContent()).resolves.toContain('bổ sung minh chứng');
    await openItem(page, 'item-I.4');
    await page.getByText('Cần danh mục học liệu số theo từng môn').waitFor();
    await page.getByTestId('percent-I.4').fill('90');
    await page.getByTestId('save-I.4').click();
    await page.getByText('Đã lưu tiêu chí I.4.').waitFor();
    await page.getByTestId('approve').click();
    await page.getByTestId('approve-confirm').click();
    await status(page).filter({ hasText: 'Đã phê duyệt' }).waitFor();
    await page.getByTestId('submit').click();
    await status(page).filter({ hasText: 'Đã nộp' }).waitFor();
    await page.getByText('Nộp lại sau khi bổ sung').waitFor();
    await logOut(page);
    await context.close();
  });

  it('phòng kết thúc đánh giá ngoài (điểm thống nhất chưa lưu được lưu trước) và ra quyết định công nhận', async () => {
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'phong.a');
    await page.goto(`${server.url}/assessments/${assessmentId}/review`);
    await openItem(page, 'review-item-I.4');
    await page.getByTestId('review-item-I.4').getByText('Điểm thống nhất — Tỷ lệ (%)').waitFor();
    await page.getByTestId('percent-I.4').fill('80');
    await page.getByTestId('external-comment-I.4').fill('Đối chiếu danh mục: 80% môn học có học liệu số');
    await page.getByTestId('close-review').click();
    expect(await page.getByTestId('unsaved-agreed').textContent()).toContain('I.4');
    await page.getByTestId('action-confirm').click();
    await page.getByText('Đã kết thúc đánh giá ngoài; kết quả được chốt theo điểm thống nhất.').waitFor();
    await status(page).filter({ hasText: 'Đã đánh giá ngoài' }).waitFor();
    const agreed = await server.db
      .selectFrom('assessment_items')
      .select(['agreed_answer', 'external_comment'])
      .where('assessment_id', '=', assessmentId)
      .where('item_id', '=', 'I.4')
      .executeTakeFirstOrThrow();
    expect(agreed).toEqual({
      agreed_answer: { percent: 80 },
      external_comment: 'Đối chiếu danh mục: 80% môn học có học liệu số',
    });
    await page.goto(`${server.url}/assessment-campaigns/${campaignId}`);
    await page.getByTestId('tab-recognitions').click();
    await page.getByTestId('recognise').click();
    await page.getByTestId('decision-number').fill('125/QĐ-PGDĐT');
    await page.getByTestId('signer-title').fill('Trưởng phòng Giáo dục và Đào tạo');
    await page.getByTestId('recognise-confirm').click();
    await page.getByText('Đã ra Quyết định số 125/QĐ-PGDĐT công nhận 1 đơn vị.').waitFor();
    await page.getByText('Quyết định số 125/QĐ-PGDĐT', { exact: false }).first().waitFor();
    await logOut(page);
    await context.close();
  });

  it('trang công khai (không đăng nhập) hiện mức được công nhận của trường và của phòng', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/cong-khai/danh-gia/${schoolId}`);
    const result = page.getByTestId('public-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Mức 2 - Đáp ứng cơ bản');
    await page.goto(`${server.url}/cong-khai/danh-gia/${officeId}`);
    const managed = page.getByTestId('public-managed');
    await managed.waitFor();
    expect(await managed.textContent()).toContain('Trường THCS Lê Quý Đôn');
    await context.close();
  });
});
