/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvince } from '../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { type E2EServer, launchBrowser, logIn, newPage, PHONE, startServer } from './harness.ts';

describe('sổ liên lạc trên điện thoại', () => {
  let server: E2EServer;
  let browser: Browser;
  let noteId: string;

  beforeAll(async () => {
    server = await startServer();
    const db = server.db;
    const units = await buildProvince(db);
    const teacher = await buildTeacherAccount(db, {
      unit: units.schoolA,
      username: 'gvcn',
      fullName: 'Ngô Thị Thuỷ',
    });
    const { cls, students } = await buildClassWithStudents(db, {
      unit: units.schoolA,
      name: '7A',
      grade: 7,
      homeroomTeacher: teacher.staff,
      students: ['Phan Minh An'],
    });
    const older = await buildClassWithStudents(db, {
      unit: units.schoolA,
      name: '9B',
      grade: 9,
      students: ['Phan Minh Châu'],
    });
    const an = students[0] as (typeof students)[number];
    await buildGuardianAccount(db, {
      students: [an, older.students[0] as (typeof students)[number]],
      username: '0912345678',
      fullName: 'Đinh Thị Mận',
    });
    await buildSubjectScores(db, {
      cls,
      student: an,
      subjectCode: 'math',
      term: 1,
      regular: [8, 7.5, 9, 10],
      midterm: 8,
      final: 9,
      termAverage: 8.6,
    });
    await buildSubjectScores(db, { cls, student: an, subjectCode: 'math', term: 2, regular: [6.5] });
    await buildSubjectYearResult(db, { cls, student: an, subjectCode: 'math', yearAverage: 8.1 });
    const note = await db
      .insertInto('class_notes')
      .values({
        unit_id: cls.unit_id,
        class_id: cls.id,
        author_user_id: teacher.user.id,
        title: 'Họp phụ huynh cuối học kì I',
        body: 'Kính mời quý phụ huynh dự họp lúc 8 giờ sáng Chủ nhật tại phòng 203.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    noteId = note.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('phụ huynh chọn con, xem điểm và điểm trung bình, xác nhận đã đọc lời nhắn', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, '0912345678');
    await page.goto(`${server.url}/contact-book`);
    // Two children: the picker starts on the first by name order (An), switch to Châu and back.
    const picker = page.getByTestId('child-picker');
    await picker.click();
    await page.getByRole('option', { name: /Phan Minh Châu/ }).click();
    await page.getByTestId('contact-book-student').getByText('Phan Minh Châu').waitFor();
    await picker.click();
    await page.getByRole('option', { name: /Phan Minh An/ }).click();
    await page.getByTestId('contact-book-student').getByText('Phan Minh An').waitFor();

    const math = page.getByTestId('subject-math');
    await math.getByText('Toán', { exact: true }).waitFor();
    expect(await math.getByTestId('term-1').innerText()).toContain('8 · 7,5 · 9 · 10');
    expect(await math.getByTestId('term-1').getByTestId('term-average').innerText()).toContain('8,6');
    expect(await math.getByTestId('year-average').innerText()).toContain('8,1');
    // Fits the phone: nothing scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    await page.getByTestId('tab-notes').click();
    await page.getByText('Họp phụ huynh cuối học kì I').waitFor();
    await page.getByTestId('acknowledge').click();
    await page.getByTestId('acknowledged').waitFor();
    const ack = await server.db
      .selectFrom('class_note_acks')
      .select('user_id')
      .where('note_id', '=', noteId)
      .execute();
    expect(ack).toHaveLength(1);
    await context.close();
  });
});
