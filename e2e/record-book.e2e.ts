/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildYear } from '../test/factories-results.ts';
import { extractPdfPages } from '../test/pdf.ts';
import { renderPdfPage } from '../test/pdf-render.ts';
import { closeYear, DESKTOP, logIn, newPage, PHONE, setUpSuite } from './harness.ts';
import { seedClass6A } from './seed.ts';

/** The principal downloads the class record book (PDF and Excel) from the class results page, desktop and phone. */
describe('sổ theo dõi và đánh giá học sinh trên trình duyệt', () => {
  const e2e = setUpSuite(async (db) => {
    const {
      cls,
      students: [an],
    } = await seedClass6A(db, ['Nguyễn Văn An']);
    await buildYear(db, { cls, student: an, average: 9, conduct: ['excellent', 'excellent'] });
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)(
    'tải sổ PDF và Excel từ trang kết quả lớp (%s)',
    async (name, device) => {
      const { server, browser } = e2e;
      const { page, context } = await newPage(browser, device);
      await logIn(page, server.url, 'hieutruong');
      if (name === 'desktop') await closeYear(page, server.url);
      else await page.goto(`${server.url}/results`);
      await page.getByTestId('results-class').click();
      await page.getByRole('option', { name: '6A', exact: true }).click();
      await page.getByTestId('record-book-pdf').waitFor();
      await page.screenshot({ path: `/tmp/record-book-${name}.png`, fullPage: true });
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('record-book-pdf').click(),
      ]);
      const bytes = readFileSync(await pdf.path());
      const pages = await extractPdfPages(bytes);
      expect(pages.join(' ')).toContain('Nguyễn Văn An');
      writeFileSync(`/tmp/record-book-${name}-summary.png`, await renderPdfPage(bytes, pages.length, 1));
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('record-book-xlsx').click(),
      ]);
      expect(xlsx.suggestedFilename()).toContain('Sổ theo dõi và đánh giá học sinh');
      await context.close();
    },
    180_000,
  );
});
