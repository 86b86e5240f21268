import type { RecordBookPeriod } from '#contracts/transcripts.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { PdfBuilder, type TableColumn } from '../../platform/pdf/document.ts';
import {
  type RecordBook,
  recordBook,
  recordBookPeriodLabel,
  recordBookTitle,
  termHeaders,
} from './record-book.ts';

/**
 * The class record book (Sổ theo dõi và đánh giá học sinh, TT22 appendix) as a landscape PDF: the cover, one page
 * per subject with both terms and the year (or term I only), the class summary, and the confirmations of the
 * homeroom teacher and the principal. Every page names the class and the year.
 */
export async function recordBookPdf(ctx: ServiceContext, classId: string, period: RecordBookPeriod = 0) {
  const book = await recordBook(ctx, classId, period);
  const term1Only = book.period === 1;
  const title = recordBookTitle(book);
  const pdf = new PdfBuilder({ title, layout: 'landscape' });
  const periodNote = term1Only ? ` — ${recordBookPeriodLabel(1)}` : '';
  pdf.runningLabel(
    `Sổ theo dõi và đánh giá học sinh — Lớp ${book.className} — Năm học ${book.schoolYear}${periodNote}`,
  );
  cover(pdf, book);
  for (const subject of book.subjects) {
    pdf.newPage();
    pdf.heading(`Môn học/hoạt động giáo dục: ${subject.name}`);
    const headers = termHeaders(subject.regularCount);
    const columns: TableColumn[] = [
      { header: 'STT', width: 3, align: 'center' },
      { header: 'Họ và tên', width: 14 },
      ...headers.map((h) => ({ header: `HK I\n${h}`, width: 3.4, align: 'center' as const })),
      ...(term1Only
        ? []
        : [
            ...headers.map((h) => ({ header: `HK II\n${h}`, width: 3.4, align: 'center' as const })),
            { header: 'Cả năm ĐTBmcn', width: 4.5, align: 'center' as const },
          ]),
    ];
    pdf.table(
      columns,
      subject.rows.map((r, i) =>
        term1Only ? [i + 1, r.name, ...r.term1] : [i + 1, r.name, ...r.term1, ...r.term2, r.year],
      ),
      { fontSize: 8.5 },
    );
  }
  pdf.newPage();
  pdf.heading(`TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ ${term1Only ? 'HỌC KÌ I' : 'CẢ NĂM'}`);
  const subjectCount = book.summarySubjectCount;
  pdf.table(
    book.summaryHeader.map((header, i) => ({
      header,
      width:
        i === 0
          ? 2.5
          : i === 1
            ? 12
            : i === book.summaryHeader.length - 1 && !term1Only
              ? 9
              : i < 2 + subjectCount
                ? 3.2
                : 4,
      align: i === 1 ? ('left' as const) : ('center' as const),
    })),
    book.summary,
    { fontSize: 7.5 },
  );
  pdf.signatures([
    { title: 'Giáo viên chủ nhiệm', note: '(Ký và ghi rõ họ tên)', name: book.homeroomTeacherName },
    { title: 'Hiệu trưởng', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: null },
  ]);
  return { fileName: `${title}.pdf`, content: await pdf.toBuffer() };
}

function cover(pdf: PdfBuilder, book: RecordBook): void {
  pdf.officialHeader({ governingBody: book.governingBody, unitName: book.schoolName });
  pdf.doc.moveDown(4);
  pdf.title('Sổ theo dõi và đánh giá học sinh');
  pdf.fields(
    [
      ['Lớp', book.className],
      ['Năm học', book.schoolYear],
      ['Thời gian', recordBookPeriodLabel(book.period)],
      ['Trường', book.schoolName],
      ['Giáo viên chủ nhiệm', book.homeroomTeacherName],
    ],
    1,
  );
}
