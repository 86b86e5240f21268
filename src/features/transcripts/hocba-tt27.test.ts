import { describe, expect, it } from 'vitest';
import { GOLDEN_PRIMARY_PRINT, primaryPrint, primarySection } from '../../../test/fixtures-hocba-tt27.ts';
import { extractPdfPages } from '../../../test/pdf.ts';
import { transcriptPdf } from './pdf.ts';

// The primary học bạ in the TT27 form: the printed levels, test scores, comments, outcome, award and completion
// lines equal the stored results for every outcome branch — Hoàn thành xuất sắc, tốt (with and without Học sinh
// Tiêu biểu), Hoàn thành, Chưa hoàn thành (pending, completed after the further assessment, the principal's
// decision either way) — with the text extracted by pdfjs-dist.

const squash = (text: string) => text.replace(/\s+/g, ' ');
const pagesOf = async (print: Parameters<typeof transcriptPdf>[0]) =>
  (await extractPdfPages(await transcriptPdf(print))).map(squash);

const weakMath = { level: 'not_completed', score: 4 };

const BRANCHES = [
  {
    name: 'Hoàn thành xuất sắc, Học sinh Xuất sắc',
    print: primaryPrint(
      primarySection({
        subjectLevel: 'completed_well',
        trait: 'good',
        score: 10,
        outcome: 'completed_excellently',
      }),
      { award: 'outstanding', finalPromotion: 'promoted' },
    ),
    lines: [
      '4. Đánh giá kết quả giáo dục: Hoàn thành xuất sắc',
      '5. Khen thưởng: Học sinh Xuất sắc',
      '6. Hoàn thành chương trình lớp 4',
    ],
    absent: ['Kết quả sau đánh giá bổ sung', 'Hiệu trưởng quyết định'],
    marks: ['Tiếng Việt T 10', 'Toán T 10', 'Yêu nước T'],
  },
  {
    name: 'Hoàn thành tốt, Học sinh Tiêu biểu',
    print: GOLDEN_PRIMARY_PRINT,
    lines: [
      '4. Đánh giá kết quả giáo dục: Hoàn thành tốt',
      '5. Khen thưởng: Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện (Giải Nhì Trạng nguyên Tiếng Việt cấp trường)',
    ],
    absent: ['Học sinh Xuất sắc'],
    marks: ['Tiếng Việt T 8', 'Toán T 8'],
  },
  {
    name: 'Hoàn thành tốt, không khen thưởng',
    print: primaryPrint(
      primarySection({ subjectLevel: 'completed_well', trait: 'good', score: 7, outcome: 'completed_well' }),
      { finalPromotion: 'promoted' },
    ),
    lines: ['4. Đánh giá kết quả giáo dục: Hoàn thành tốt', '5. Khen thưởng: Không'],
    absent: ['Học sinh Tiêu biểu'],
    marks: ['Tiếng Việt T 7'],
  },
  {
    name: 'Hoàn thành',
    print: primaryPrint(
      primarySection({ subjectLevel: 'completed', trait: 'pass', score: 6, outcome: 'completed' }),
      { finalPromotion: 'promoted' },
    ),
    lines: [
      '4. Đánh giá kết quả giáo dục: Hoàn thành',
      '5. Khen thưởng: Không',
      '6. Hoàn thành chương trình lớp 4',
    ],
    absent: [],
    marks: ['Tiếng Việt H 6', 'Nhân ái Đ'],
  },
  {
    name: 'Chưa hoàn thành, chờ đánh giá bổ sung',
    print: primaryPrint(
      primarySection({
        subjectLevel: 'completed',
        trait: 'pass',
        score: 6,
        math: weakMath,
        outcome: 'not_completed',
      }),
    ),
    lines: ['4. Đánh giá kết quả giáo dục: Chưa hoàn thành', '6. Chưa hoàn thành chương trình lớp 4'],
    absent: ['Kết quả sau đánh giá bổ sung', 'Hiệu trưởng quyết định'],
    marks: ['Toán C 4'],
  },
  {
    name: 'Chưa hoàn thành, hoàn thành sau đánh giá bổ sung',
    print: primaryPrint(
      primarySection({
        subjectLevel: 'completed',
        trait: 'pass',
        score: 6,
        math: weakMath,
        outcome: 'not_completed',
        outcomeAfterSupport: 'completed',
      }),
      { finalPromotion: 'promoted' },
    ),
    lines: [
      '4. Đánh giá kết quả giáo dục: Chưa hoàn thành',
      'Kết quả sau đánh giá bổ sung: Hoàn thành',
      '6. Hoàn thành chương trình lớp 4',
    ],
    absent: ['Hiệu trưởng quyết định'],
    marks: ['Toán C 4'],
  },
  ...(['retained', 'promoted'] as const).map((decision) => ({
    name: `Chưa hoàn thành sau đánh giá bổ sung, Hiệu trưởng quyết định ${decision}`,
    print: primaryPrint(
      primarySection({
        subjectLevel: 'completed',
        trait: 'pass',
        score: 6,
        math: weakMath,
        outcome: 'not_completed',
        outcomeAfterSupport: 'not_completed',
      }),
      { finalPromotion: decision, principalDecisionReason: 'Chưa thực hiện được phép chia có dư.' },
    ),
    lines: [
      'Kết quả sau đánh giá bổ sung: Chưa hoàn thành',
      '6. Chưa hoàn thành chương trình lớp 4',
      `Hiệu trưởng quyết định: ${decision === 'promoted' ? 'Được lên lớp' : 'Chưa được lên lớp'}. Căn cứ: Chưa thực hiện được phép chia có dư.`,
    ],
    absent: [],
    marks: ['Toán C 4'],
  })),
];

describe('học bạ tiểu học theo mẫu TT27: nội dung in ra đúng kết quả đã lưu', () => {
  it.each(BRANCHES)(
    '$name',
    async ({ print, lines, absent, marks }) => {
      // Cover, identity, then the year: its subjects page and the page of sections 2–6 with the signatures.
      const pages = await pagesOf(print);
      expect(pages).toHaveLength(4);
      const year = pages.slice(2).join(' ');
      for (const line of [...lines, ...marks]) expect(year).toContain(line);
      for (const line of absent) expect(year).not.toContain(line);
      // Comments per subject, quality and competence, as stored.
      for (const comment of [
        'Đọc diễn cảm, viết đúng chính tả.',
        'Tính nhanh, cẩn thận khi đặt tính.',
        'Giữ gìn lớp học sạch đẹp.',
        'Tự giác chuẩn bị đồ dùng học tập.',
      ]) {
        expect(year).toContain(comment);
      }
      // TT22's wording never appears on a primary học bạ.
      for (const words of ['kiểm tra lại', 'rèn luyện trong kì nghỉ hè', 'Học sinh Giỏi']) {
        expect(year).not.toContain(words);
      }
      // The signatures are on the page of the tables and results they sign.
      const last = pages[3] as string;
      expect(last).toContain('Xác nhận của Hiệu trưởng'.toUpperCase());
      expect(last).toContain('Những phẩm chất chủ yếu');
      expect(last).toContain('4. Đánh giá kết quả giáo dục');
    },
    60_000,
  );

  it('lớp 5 hoàn thành: "Hoàn thành chương trình tiểu học" (Điều 11 khoản 2), cả khi hoàn thành sau đánh giá bổ sung', async () => {
    const section = primarySection({
      subjectLevel: 'completed',
      trait: 'pass',
      score: 6,
      math: weakMath,
      outcome: 'not_completed',
      outcomeAfterSupport: 'completed',
    });
    const print = primaryPrint(section, { finalPromotion: 'promoted' }, 5);
    const fixed = {
      ...print,
      snapshot: { ...print.snapshot, primary: { ...section, completesProgramme: true } },
    };
    const year = (await pagesOf(fixed)).join(' ');
    expect(year).toContain('6. Hoàn thành chương trình tiểu học');
  }, 60_000);

  it('mỗi trang ghi tên học sinh và năm học; trang lí lịch có quá trình học tập; không in mã nội bộ', async () => {
    const pages = await pagesOf(GOLDEN_PRIMARY_PRINT);
    for (const text of pages) {
      expect(text).toContain('Nguyễn Minh An');
      expect(text).toContain('2025-2026');
      expect(text).not.toContain('student-fixture');
      expect(text).not.toContain('class-fixture');
    }
    expect(pages[0]).toContain('TIỂU HỌC');
    expect(pages[1]).toContain('QUÁ TRÌNH HỌC TẬP');
    expect(pages[1]).toContain('2024-2025 3A Trường Tiểu học Hoà Bình');
  }, 60_000);
});
