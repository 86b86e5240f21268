import { GUARDIAN_RELATIONSHIP_LABEL_VI } from '#contracts/students.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import {
  PRIMARY_AWARD_LABEL_VI,
  PRIMARY_COMPETENCIES,
  PRIMARY_LEVEL_LETTER,
  PRIMARY_OUTCOME_LABEL_VI,
  PRIMARY_TRAIT_LETTER,
} from '../../domain/grading/index.ts';
import type { PrimaryLevel, PrimaryTraitLevel } from '../../domain/grading/types.ts';
import { ethnicityByKey } from '../../domain/identity/ethnicities.ts';
import { PdfBuilder, type TableColumn } from '../../platform/pdf/document.ts';
import { placeAndDate } from '../dx-assessments/pdfs.ts';
import { BLANK, statusNotes } from './hocba-tt22.ts';
import type { TranscriptPrint } from './pdf.ts';
import { EMPTY_CONTEXT, type HocbaContext } from './print-context.ts';
import type { PrimaryMark, PrimarySection, TranscriptSnapshot } from './snapshot.ts';

/**
 * The primary học bạ as the form attached to Thông tư 27/2020/TT-BGDĐT lays it out (issue 12 §2): the cover, the
 * identity page with the QUÁ TRÌNH HỌC TẬP table, then the year page — 1. Môn học và hoạt động giáo dục (Mức đạt
 * được, Điểm KTĐK, Nhận xét), 2. Những phẩm chất chủ yếu, 3. Những năng lực cốt lõi (chung, đặc thù) with Mức đạt
 * được and Nhận xét, 4. Đánh giá kết quả giáo dục, 5. Khen thưởng, 6. Hoàn thành chương trình lớp học/chương trình
 * tiểu học — and the homeroom teacher's and principal's confirmation, kept on the page of the tables they sign
 * (issue 11 §5). Levels print as the form's letters (T/H/C; T/Đ/C) with the legend; test scores as whole numbers.
 * A pupil who did not complete prints the further assessment and the principal's decision (TT27 Điều 11 khoản 1).
 */

const SHORT_BLANK = '...............';
/** The competences the form lists under "Năng lực chung"; the rest are "Năng lực đặc thù" (TT27 Điều 5). */
const GENERAL_COMPETENCES: readonly string[] = PRIMARY_COMPETENCIES.slice(0, 3);

export function renderTt27(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  pdf.runningLabel(`Học sinh: ${s.student.fullName} — Lớp ${s.class.name} — Năm học ${s.schoolYear}`);
  cover(pdf, s);
  pdf.newPage();
  identityPage(pdf, s, print.context ?? EMPTY_CONTEXT);
  pdf.newPage();
  yearPage(pdf, print);
  pdf.runningLabel(undefined);
}

function cover(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  pdf.paragraph('BỘ GIÁO DỤC VÀ ĐÀO TẠO', { font: 'bold', size: 13, align: 'center' });
  pdf.doc.moveDown(8);
  pdf.font('bold', 40).doc.text('HỌC BẠ', pdf.margins.left, pdf.doc.y, { width: pdf.width, align: 'center' });
  pdf.font('bold', 20).doc.text('TIỂU HỌC', { width: pdf.width, align: 'center' });
  pdf.doc.moveDown(8);
  pdf.fields([['Họ và tên học sinh', s.student.fullName]], 1);
  pdf.fields([['Trường', s.school.name]], 1);
  pdf.fields([['Xã (phường, thị trấn), tỉnh (thành phố)', s.school.place ?? BLANK]], 1);
}

function identityPage(pdf: PdfBuilder, s: TranscriptSnapshot, ctx: HocbaContext): void {
  const st = s.student;
  pdf.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { font: 'bold', size: 11, align: 'center' });
  pdf.paragraph('Độc lập - Tự do - Hạnh phúc', { font: 'bold', size: 11, align: 'center' });
  pdf.title('Học bạ', 'Tiểu học');
  const guardian = (relationship: string) =>
    st.guardians.find((g) => g.relationship === relationship)?.fullName || BLANK;
  pdf.fields(
    [
      ['Họ và tên học sinh', st.fullName],
      ['Giới tính', st.gender === 'male' ? 'Nam' : st.gender === 'female' ? 'Nữ' : BLANK],
      ['Ngày, tháng, năm sinh', st.birthDate ? vietnameseDate(st.birthDate) : BLANK],
      ['Dân tộc', st.ethnicity ? (ethnicityByKey(st.ethnicity)?.name ?? st.ethnicity) : BLANK],
      ['Quốc tịch', 'Việt Nam'],
      ['Mã học sinh', st.moetStudentCode || BLANK],
    ],
    2,
  );
  pdf.fields(
    [
      ['Nơi sinh', BLANK],
      ['Quê quán', BLANK],
      ['Nơi ở hiện nay', st.address || BLANK],
      [`Họ và tên ${GUARDIAN_RELATIONSHIP_LABEL_VI.father.toLowerCase()}`, guardian('father')],
      [`Họ và tên ${GUARDIAN_RELATIONSHIP_LABEL_VI.mother.toLowerCase()}`, guardian('mother')],
      ['Người giám hộ (nếu có)', guardian('guardian')],
    ],
    1,
  );
  pdf.paragraph(`${s.school.place ?? SHORT_BLANK}, ngày ..... tháng ..... năm ........`, {
    font: 'italic',
    size: 10,
    align: 'center',
  });
  pdf.signatures([
    { title: '', name: null },
    { title: 'Hiệu trưởng', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: null },
  ]);
  studyHistory(pdf, s, ctx);
}

const HISTORY_COLUMNS: TableColumn[] = [
  { header: 'Năm học', width: 14, align: 'center' },
  { header: 'Lớp', width: 10, align: 'center' },
  { header: 'Tên trường', width: 40 },
  { header: 'Số đăng bộ', width: 14, align: 'center' },
  { header: 'Ngày nhập học/ chuyển đến', width: 18, align: 'center' },
];

/** QUÁ TRÌNH HỌC TẬP from the enrolment history, padded to the five years of primary school. */
function studyHistory(pdf: PdfBuilder, s: TranscriptSnapshot, ctx: HocbaContext): void {
  const rows = ctx.history.map((h) => [
    h.schoolYear,
    h.className,
    [h.schoolName, s.school.place].filter(Boolean).join(', '),
    ' ',
    vietnameseDate(h.enrolledOn),
  ]);
  while (rows.length < 5) rows.push([' \n ', ' ', ' ', ' ', ' ']);
  pdf.ensureSpace(pdf.tableHeight(HISTORY_COLUMNS, rows, { fontSize: 9 }) + 30);
  pdf.heading('QUÁ TRÌNH HỌC TẬP');
  pdf.table(HISTORY_COLUMNS, rows, { fontSize: 9 });
}

const letter = (m: PrimaryMark | null) => (m ? (PRIMARY_LEVEL_LETTER[m.level as PrimaryLevel] ?? '') : '');
const trait = (v: string | null) => (v ? (PRIMARY_TRAIT_LETTER[v as PrimaryTraitLevel] ?? '') : '');
/** Test scores as the form writes them: whole numbers, no decimal. */
const test = (m: PrimaryMark | null) => (m?.testScore == null ? '' : String(m.testScore));

const SUBJECT_COLUMNS: TableColumn[] = [
  { header: 'Môn học và hoạt động giáo dục', width: 30 },
  { header: 'Mức đạt được', width: 11, align: 'center' },
  { header: 'Điểm KTĐK', width: 10, align: 'center' },
  { header: 'Nhận xét', width: 49 },
];

const TRAIT_COLUMNS = (header: string): TableColumn[] => [
  { header, width: 30 },
  { header: 'Mức đạt được', width: 11, align: 'center' },
  { header: 'Nhận xét', width: 59 },
];

const LEGEND =
  'Mức đạt được — môn học và hoạt động giáo dục: T Hoàn thành tốt, H Hoàn thành, C Chưa hoàn thành; phẩm chất, năng lực: T Tốt, Đ Đạt, C Cần cố gắng.';

/** "Họ và tên … Lớp … Năm học …" at the top of the year page. */
function yearHeader(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  pdf.fields(
    [
      ['Họ và tên học sinh', s.student.fullName],
      ['Lớp', s.class.name],
      ['Năm học', s.schoolYear],
    ],
    3,
  );
}

/** The year's marks: the end-of-year evaluation, else the end of term 1 before the year is evaluated. */
const yearMark = (line: PrimarySection['subjects'][number]) => line.end2 ?? line.end1;

function yearPage(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  const p = s.primary;
  yearHeader(pdf, s);
  statusNotes(pdf, print);
  if (!p) return;
  pdf.heading('1. Môn học và hoạt động giáo dục');
  pdf.table(
    SUBJECT_COLUMNS,
    p.subjects.map((line) => {
      const m = yearMark(line);
      return [line.name, letter(m), test(m), m?.comment ?? ''];
    }),
    { fontSize: 9 },
  );
  const traitRows = (list: PrimarySection['qualities']) =>
    list.map((t) => [t.name, trait(t.end2 ?? t.end1), t.comment ?? '']);
  const qualities = traitRows(p.qualities);
  const general = traitRows(p.competences.filter((c) => GENERAL_COMPETENCES.includes(c.name)));
  const specific = traitRows(p.competences.filter((c) => !GENERAL_COMPETENCES.includes(c.name)));
  const results = resultLines(s, p);
  // Sections 2–6 and the signatures are kept on one page: the signatures are never apart from what they sign.
  const closing =
    3 * 40 +
    pdf.tableHeight(TRAIT_COLUMNS('Phẩm chất chủ yếu'), qualities, { fontSize: 9 }) +
    pdf.tableHeight(TRAIT_COLUMNS('Năng lực chung'), general, { fontSize: 9 }) +
    pdf.tableHeight(TRAIT_COLUMNS('Năng lực đặc thù'), specific, { fontSize: 9 }) +
    pdf.paragraphHeight(LEGEND, { font: 'italic', size: 8.5 }) +
    results.reduce((h, line) => h + pdf.paragraphHeight(line, { size: 10 }), 0) +
    signingHeight(pdf);
  pdf.ensureSpace(closing);
  pdf.heading('2. Những phẩm chất chủ yếu');
  pdf.table(TRAIT_COLUMNS('Phẩm chất chủ yếu'), qualities, { fontSize: 9 });
  pdf.heading('3. Những năng lực cốt lõi');
  pdf.table(TRAIT_COLUMNS('Năng lực chung'), general, { fontSize: 9 });
  pdf.table(TRAIT_COLUMNS('Năng lực đặc thù'), specific, { fontSize: 9 });
  pdf.paragraph(LEGEND, { font: 'italic', size: 8.5 });
  for (const line of results) pdf.paragraph(line, { size: 10 });
  signatures(pdf, print);
}

/**
 * Sections 4–6: the outcome (and, for a pupil who did not complete, the further assessment and the principal's
 * decision — TT27 Điều 11 khoản 1 điểm b, c), the titles (Điều 13), the programme completed (Điều 11).
 */
export function resultLines(s: TranscriptSnapshot, p: PrimarySection): string[] {
  const outcome = p.outcome ? PRIMARY_OUTCOME_LABEL_VI[p.outcome] : BLANK;
  const lines = [`4. Đánh giá kết quả giáo dục: ${outcome}`];
  const after = p.outcomeAfterSupport ?? null;
  if (p.outcome === 'not_completed' && after) {
    lines.push(`Kết quả sau đánh giá bổ sung: ${PRIMARY_OUTCOME_LABEL_VI[after]}`);
  }
  lines.push(`5. Khen thưởng: ${award(s)}`);
  lines.push(`6. ${completion(s, p)}`);
  if (p.outcome === 'not_completed' && s.principalDecisionReason && s.finalPromotion) {
    const decision = s.finalPromotion === 'promoted' ? 'Được lên lớp' : 'Chưa được lên lớp';
    lines.push(`Hiệu trưởng quyết định: ${decision}. Căn cứ: ${s.principalDecisionReason}`);
  }
  return lines;
}

/**
 * TT27 Điều 13 khoản 1 điểm a: Học sinh Xuất sắc (Hoàn thành xuất sắc) or Học sinh Tiêu biểu hoàn thành tốt trong
 * học tập và rèn luyện, with what the class recognised. 'excellent' is TT22's Học sinh Giỏi and never printed here.
 */
function award(s: TranscriptSnapshot): string {
  if (s.award === 'outstanding') return PRIMARY_AWARD_LABEL_VI.outstanding;
  if (s.award !== 'exemplary') return 'Không';
  const recognition = s.primary?.recognition;
  return recognition
    ? `${PRIMARY_AWARD_LABEL_VI.exemplary} (${recognition})`
    : PRIMARY_AWARD_LABEL_VI.exemplary;
}

/** Section 6 as the form words it (TT27 Điều 11 khoản 1 điểm a, khoản 2). */
function completion(s: TranscriptSnapshot, p: PrimarySection): string {
  if (p.completesProgramme) return 'Hoàn thành chương trình tiểu học';
  const completed =
    (p.outcome !== null && p.outcome !== 'not_completed') ||
    (p.outcomeAfterSupport != null && p.outcomeAfterSupport !== 'not_completed');
  if (completed) return `Hoàn thành chương trình lớp ${s.class.grade}`;
  if (p.outcome === null) return `Hoàn thành chương trình lớp học/chương trình tiểu học: ${BLANK}`;
  return `Chưa hoàn thành chương trình lớp ${s.class.grade}`;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The height `signatures` takes: the place-and-date line, then the blocks. */
function signingHeight(pdf: PdfBuilder): number {
  return pdf.paragraphHeight('ngày', { font: 'italic' }) + PdfBuilder.SIGNATURES_HEIGHT;
}

/** Xác nhận của giáo viên chủ nhiệm and of the principal, under the place and date of the approval. */
function signatures(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  const approved = print.approvedAt ? isoDate(print.approvedAt) : null;
  pdf.paragraph(
    approved
      ? placeAndDate(s.school.place, approved)
      : `${s.school.place ?? SHORT_BLANK}, ngày ..... tháng ..... năm ........`,
    { font: 'italic', align: 'center', size: 10 },
  );
  pdf.signatures([
    {
      title: 'Xác nhận của giáo viên chủ nhiệm',
      note: print.homeroomSignedAt
        ? `Đã ký ngày ${vietnameseDate(isoDate(print.homeroomSignedAt))}`
        : '(Ký và ghi rõ họ tên)',
      name: print.homeroomSignedBy ?? s.class.homeroomTeacherName,
    },
    {
      title: 'Xác nhận của Hiệu trưởng',
      note: approved ? `Phê duyệt ngày ${vietnameseDate(approved)}` : '(Ký, ghi rõ họ tên và đóng dấu)',
      name: print.approvedBy,
    },
  ]);
}
