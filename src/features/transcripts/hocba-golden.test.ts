import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOLDEN_PRINT } from '../../../test/fixtures-hocba.ts';
import { GOLDEN_PRIMARY_PRINT } from '../../../test/fixtures-hocba-tt27.ts';
import { extractPdfPages } from '../../../test/pdf.ts';
import { pngDifference, renderPdfPage } from '../../../test/pdf-render.ts';
import { transcriptPdf } from './pdf.ts';

// Golden images of the TT22 học bạ (issue 12 §2): the cover, the identity page and the year's subjects and results
// pages of a fixed student, rendered with pdfjs-dist on @napi-rs/canvas and compared with the committed PNGs. The
// reference is regenerated deliberately — `UPDATE_GOLDEN=1 npx vitest run src/features/transcripts/hocba-golden.test.ts`,
// then look at the images before committing them — and never in CI, where a missing reference fails the test.

const here = dirname(fileURLToPath(import.meta.url));
const GOLDEN_DIR = join(here, '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
/**
 * Share of pixels allowed to differ: about six pixels at this scale, for anti-aliasing between canvas builds.
 * One changed digit differs in far more (the test below checks it), so a changed value is never within tolerance.
 */
const TOLERANCE = 5e-6;
const SCALE = 1.5;

const PAGES = [
  { page: 1, name: 'hocba-tt22-cover', print: GOLDEN_PRINT },
  { page: 2, name: 'hocba-tt22-identity', print: GOLDEN_PRINT },
  { page: 3, name: 'hocba-tt22-year-subjects', print: GOLDEN_PRINT },
  { page: 4, name: 'hocba-tt22-year-results', print: GOLDEN_PRINT },
  // The primary học bạ in the TT27 form (hocba-tt27.ts).
  { page: 1, name: 'hocba-tt27-cover', print: GOLDEN_PRIMARY_PRINT },
  { page: 2, name: 'hocba-tt27-identity', print: GOLDEN_PRIMARY_PRINT },
  { page: 3, name: 'hocba-tt27-year-subjects', print: GOLDEN_PRIMARY_PRINT },
  { page: 4, name: 'hocba-tt27-year-qualities-results', print: GOLDEN_PRIMARY_PRINT },
];

describe('học bạ THCS theo mẫu TT22 và học bạ tiểu học theo mẫu TT27: ảnh chuẩn các trang', () => {
  it.each(PAGES)(
    'trang $page ($name) khớp ảnh chuẩn đã duyệt',
    async ({ page, name, print }) => {
      const png = await renderPdfPage(await transcriptPdf(print), page, SCALE);
      const file = join(GOLDEN_DIR, `${name}.png`);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, png);
      }
      expect(existsSync(file), `ảnh chuẩn ${file} chưa có: chạy với UPDATE_GOLDEN=1`).toBe(true);
      expect(await pngDifference(png, readFileSync(file))).toBeLessThanOrEqual(TOLERANCE);
    },
    60_000,
  );

  it('so sánh phát hiện thay đổi: một điểm kiểm tra lại khác làm trang môn học khác ảnh chuẩn', async () => {
    const changed = structuredClone(GOLDEN_PRINT);
    const math = changed.snapshot.subjects.find((s) => s.code === 'TOAN');
    if (math) math.retestScore = 6;
    const png = await renderPdfPage(await transcriptPdf(changed), 3, SCALE);
    const reference = readFileSync(join(GOLDEN_DIR, 'hocba-tt22-year-subjects.png'));
    const difference = await pngDifference(png, reference);
    console.info(`one changed digit: ${difference} of the pixels differ`);
    expect(difference).toBeGreaterThan(TOLERANCE * 2);
  }, 60_000);

  it('mọi trang ghi tên học sinh và năm học; không in mã nội bộ', async () => {
    const pages = await extractPdfPages(await transcriptPdf(GOLDEN_PRINT));
    expect(pages).toHaveLength(4);
    for (const text of pages) {
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('2025-2026');
      expect(text).not.toContain('student-fixture');
      expect(text).not.toContain('class-fixture');
    }
  }, 60_000);

  it('ô sửa chữa đếm các chỗ đã điều chỉnh và nêu môn', async () => {
    const [, , subjects] = await extractPdfPages(await transcriptPdf(GOLDEN_PRINT));
    expect(subjects?.replace(/\s+/g, ' ')).toContain(
      'Trong bảng này có sửa chữa ở: 2 chỗ, thuộc các môn học, hoạt động giáo dục: Toán.',
    );
  }, 60_000);
});
