import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../test/pdf.ts';
import { PdfBuilder } from './document.ts';

describe('PDF tiếng Việt', () => {
  it('nhúng phông có đủ dấu: chữ trích ra từ PDF giữ nguyên tên có dấu, kể cả khi đầu vào ở dạng tổ hợp (NFD)', async () => {
    const pdf = new PdfBuilder({ title: 'Biên bản' })
      .officialHeader({
        governingBody: 'Phòng GD&ĐT Hòa Bình',
        unitName: 'Trường THCS Nguyễn Trãi',
        placeAndDate: 'Hòa Bình, ngày 20 tháng 5 năm 2026',
      })
      .title('Biên bản tự đánh giá', 'Năm học 2025-2026')
      .fields([
        ['Học sinh', 'Nguyễn Thị Ngọc Ánh'.normalize('NFD')],
        ['Lớp', '6A1'],
      ])
      .table(
        [
          { header: 'Môn học', width: 3 },
          { header: 'Điểm', width: 1, align: 'right' },
        ],
        Array.from({ length: 80 }, (_, i) => [`Ngữ văn ${i + 1}`, '8,5']),
      )
      .signatures([{ title: 'Hiệu trưởng', name: 'Trần Văn Đức' }]);
    const buffer = await pdf.toBuffer();
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await extractPdfText(buffer);
    for (const phrase of [
      'Nguyễn Thị Ngọc Ánh',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Trần Văn Đức',
      'Ngữ văn 80',
      'Trang 2/',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
