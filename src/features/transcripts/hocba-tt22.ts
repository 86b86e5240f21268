import { GUARDIAN_RELATIONSHIP_LABEL_VI, type GuardianRelationship } from '#contracts/students.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import {
  AWARD_LABEL_VI,
  formatAverage,
  LEVEL4_LABEL_VI,
  PASS_FAIL_SHORT_VI,
  TRANSCRIPT_DECISIONS,
  transcriptDecision,
  transcriptDecisionLabels,
} from '../../domain/grading/index.ts';
import { ethnicityByKey } from '../../domain/identity/ethnicities.ts';
import { PdfBuilder, type TableColumn } from '../../platform/pdf/document.ts';
import { placeAndDate } from '../dx-assessments/pdfs.ts';
import type { TranscriptPrint } from './pdf.ts';
import { EMPTY_CONTEXT, type HocbaContext } from './print-context.ts';
import type { SubjectLine, TranscriptSnapshot } from './snapshot.ts';

/**
 * The secondary học bạ as the form in the appendix of TT22/2021/TT-BGDĐT lays it out (issue 12 §2): the cover, the
 * identity page with the photo box and the QUÁ TRÌNH HỌC TẬP table, then per school year the subjects page (each
 * row confirmed by its teacher, the re-assessment column, the corrections box) and the results page (term results,
 * absences, the three decision lines, certificates and competitions, the homeroom teacher's comment, the
 * principal's approval). Lines the platform has no data for print as dotted blanks, as on the paper form.
 */

/** A blank to fill by hand, as the paper form prints it. */
export const BLANK = '.................................';
const SHORT_BLANK = '...............';
const DECISION_MARK = '[X]';
const DECISION_BLANK = '[  ]';

const levelName = (grade: number) => (grade <= 9 ? 'Trung học cơ sở' : 'Trung học phổ thông');
/** Years on the QUÁ TRÌNH HỌC TẬP table: four at THCS (grades 6–9), three at THPT (10–12). */
const levelYears = (grade: number) => (grade <= 9 ? 4 : 3);

/** Đối tượng (con liệt sĩ, con thương binh…) from the student's policy groups. */
const POLICY_LABEL: Record<string, string> = {
  martyr_child: 'Con liệt sĩ',
  war_invalid_child: 'Con thương binh',
  orphan: 'Mồ côi',
  extremely_disadvantaged_area: 'Vùng đặc biệt khó khăn',
  very_small_ethnic_group: 'Dân tộc rất ít người',
};

export function renderTt22(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  const ctx = print.context ?? EMPTY_CONTEXT;
  pdf.runningLabel(`Học sinh: ${s.student.fullName} — Lớp ${s.class.name} — Năm học ${s.schoolYear}`);
  cover(pdf, s);
  pdf.newPage();
  identityPage(pdf, s, ctx);
  pdf.newPage();
  subjectsPage(pdf, print, ctx);
  pdf.newPage();
  resultsPage(pdf, print);
  pdf.runningLabel(undefined);
}

function cover(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  pdf.paragraph('BỘ GIÁO DỤC VÀ ĐÀO TẠO', { font: 'bold', size: 13, align: 'center' });
  pdf.doc.moveDown(8);
  pdf.font('bold', 40).doc.text('HỌC BẠ', pdf.margins.left, pdf.doc.y, { width: pdf.width, align: 'center' });
  pdf
    .font('bold', 20)
    .doc.text(levelName(s.class.grade).toUpperCase(), { width: pdf.width, align: 'center' });
  pdf.doc.moveDown(8);
  pdf.fields([['Họ và tên học sinh', s.student.fullName]], 1);
  pdf.fields([['Trường', s.school.name]], 1);
  pdf.fields([['Xã (phường, thị trấn), tỉnh (thành phố)', s.school.place ?? BLANK]], 1);
}

function identityPage(pdf: PdfBuilder, s: TranscriptSnapshot, ctx: HocbaContext): void {
  const st = s.student;
  pdf.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { font: 'bold', size: 11, align: 'center' });
  pdf.paragraph('Độc lập - Tự do - Hạnh phúc', { font: 'bold', size: 11, align: 'center' });
  pdf.title('Học bạ', levelName(s.class.grade));
  // Photo box on the left, the identity lines to its right (the form's layout).
  const top = pdf.doc.y;
  const photo = { x: pdf.margins.left, y: top, w: 85, h: 113 };
  pdf.doc.lineWidth(0.5).rect(photo.x, photo.y, photo.w, photo.h).stroke('#555');
  pdf
    .font('italic', 9)
    .doc.text('Ảnh 3 x 4', photo.x, photo.y + photo.h / 2 - 5, { width: photo.w, align: 'center' });
  const x = photo.x + photo.w + 14;
  const width = pdf.width - photo.w - 14;
  const line = (label: string, value: string | null | undefined) => {
    pdf.font('regular', 10.5).doc.text(`${label}: `, x, pdf.doc.y, { width, continued: true });
    pdf.font('bold', 10.5).doc.text(value || BLANK);
    pdf.doc.moveDown(0.25);
  };
  pdf.doc.y = top;
  line('Họ và tên', st.fullName);
  line('Giới tính', st.gender === 'male' ? 'Nam' : st.gender === 'female' ? 'Nữ' : null);
  line('Ngày sinh', st.birthDate ? vietnameseDate(st.birthDate) : null);
  line('Nơi sinh', st.birthPlace);
  line('Dân tộc', st.ethnicity ? (ethnicityByKey(st.ethnicity)?.name ?? st.ethnicity) : null);
  // The MOET student code (mã định danh học sinh) ties the book to the sector database; issue 11 §3 keeps it.
  line('Mã học sinh', st.moetStudentCode);
  pdf.doc.y = Math.max(pdf.doc.y, photo.y + photo.h + 6);
  const policies = (st.policyFlags ?? []).map((f) => POLICY_LABEL[f]).filter(Boolean);
  pdf.fields(
    [
      ['Đối tượng (con liệt sĩ, con thương binh...)', policies.join(', ') || BLANK],
      ['Chỗ ở hiện tại', st.address || BLANK],
    ],
    1,
  );
  for (const relationship of ['father', 'mother', 'guardian'] as const) {
    const g = st.guardians.find((x) => x.relationship === relationship);
    pdf.fields(
      [
        [`Họ và tên ${guardianWord(relationship)}`, g?.fullName || BLANK],
        ['Nghề nghiệp', g?.occupation || SHORT_BLANK],
      ],
      2,
    );
  }
  pdf.paragraph(`${s.school.place ?? SHORT_BLANK}, ${openedOn(s, ctx)}`, {
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

const guardianWord = (r: GuardianRelationship) =>
  r === 'guardian' ? 'người giám hộ' : GUARDIAN_RELATIONSHIP_LABEL_VI[r].toLowerCase();

const HISTORY_COLUMNS: TableColumn[] = [
  { header: 'Năm học', width: 12, align: 'center' },
  { header: 'Lớp', width: 8, align: 'center' },
  { header: 'Tên trường, huyện (quận), tỉnh (thành phố)', width: 32 },
  { header: 'Số đăng bộ', width: 11, align: 'center' },
  { header: 'Ngày nhập học/ chuyển đến', width: 14, align: 'center' },
  { header: 'Hiệu trưởng ký', width: 15, align: 'center' },
];

/**
 * The date the book was opened, under the principal's signature: the student's first day at this school (the first
 * enrolment here; the book is opened when the student enters the school), blank when not known.
 */
function openedOn(s: TranscriptSnapshot, ctx: HocbaContext): string {
  const first = ctx.history.find((h) => h.schoolName === s.school.name)?.enrolledOn;
  if (!first) return 'ngày ..... tháng ..... năm ........';
  const [y, m, d] = first.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** QUÁ TRÌNH HỌC TẬP from the enrolment history, padded with empty rows to the level's years. */
function studyHistory(pdf: PdfBuilder, s: TranscriptSnapshot, ctx: HocbaContext): void {
  const rows: string[][] = ctx.history.map((h) => [
    h.schoolYear,
    h.className,
    [h.schoolName, s.school.place].filter(Boolean).join(', '),
    // The number in this school's sổ đăng bộ; another school's number is not held.
    h.schoolName === s.school.name ? (s.student.registrationNumber ?? '') : '',
    vietnameseDate(h.enrolledOn),
    '',
  ]);
  while (rows.length < levelYears(s.class.grade)) rows.push(['', '', '', '', '', '']);
  const padded = rows.map((r) => r.map((c) => c || ' \n '));
  pdf.ensureSpace(pdf.tableHeight(HISTORY_COLUMNS, padded, { fontSize: 9 }) + 30);
  pdf.heading('QUÁ TRÌNH HỌC TẬP');
  pdf.table(HISTORY_COLUMNS, padded, { fontSize: 9 });
}

/** "Họ và tên … Lớp … Năm học …" at the top of each year page. */
function yearHeader(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  pdf.fields(
    [
      ['Họ và tên', s.student.fullName],
      ['Lớp', s.class.name],
      ['Năm học', s.schoolYear],
    ],
    3,
  );
  pdf.doc.moveDown(0.3);
}

const SUBJECT_COLUMNS: TableColumn[] = [
  { header: 'Môn học/ Hoạt động giáo dục', width: 26 },
  { header: 'Học kì I', width: 8, align: 'center' },
  { header: 'Học kì II', width: 8, align: 'center' },
  { header: 'Cả năm', width: 8, align: 'center' },
  { header: 'Điểm/mức đánh giá lại (nếu có)', width: 12, align: 'center' },
  { header: 'Giáo viên môn học ký xác nhận và ghi rõ họ tên', width: 26, align: 'center' },
];

const avg = (v: number | null) => (v === null ? '' : formatAverage(v));
const pf = (v: SubjectLine['yearResult']) => (v ? PASS_FAIL_SHORT_VI[v] : '');

function subjectRow(line: SubjectLine, teachers: Record<string, string>): string[] {
  // The signature needs room above the name: the name goes on the cell's last line.
  const teacher = `\n${teachers[line.code] ?? ''}`;
  return line.kind === 'comment'
    ? [
        line.name,
        pf(line.term1Result),
        pf(line.term2Result),
        pf(line.yearResult),
        pf(line.retestResult),
        teacher,
      ]
    : [line.name, avg(line.term1), avg(line.term2), avg(line.year), avg(line.retestScore), teacher];
}

/**
 * The subjects table, the corrections box and its two confirmations, kept on one page: the table is measured first
 * and the page broken before it when table and box do not fit together.
 */
function subjectsPage(pdf: PdfBuilder, print: TranscriptPrint, ctx: HocbaContext): void {
  const s = print.snapshot;
  yearHeader(pdf, s);
  pdf.paragraph('Điểm trung bình môn học (ĐTBmhk, ĐTBmcn) hoặc mức đánh giá (Đ: Đạt, CĐ: Chưa đạt)', {
    font: 'italic',
    size: 9,
    align: 'center',
  });
  const rows = s.subjects.map((line) => subjectRow(line, ctx.teachers));
  const box = correctionsText(s, ctx, print.version);
  pdf.ensureSpace(
    pdf.tableHeight(SUBJECT_COLUMNS, rows, { fontSize: 9 }) +
      pdf.paragraphHeight(box, { size: 10 }) +
      PdfBuilder.SIGNATURES_HEIGHT,
  );
  pdf.table(SUBJECT_COLUMNS, rows, { fontSize: 9 });
  pdf.paragraph(box, { size: 10 });
  pdf.signatures([
    {
      title: 'Xác nhận của giáo viên chủ nhiệm',
      note: '(Ký và ghi rõ họ tên)',
      name: s.class.homeroomTeacherName,
    },
    { title: 'Xác nhận của Hiệu trưởng', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: print.approvedBy },
  ]);
}

/** "Trong bảng này có sửa chữa ở … chỗ, thuộc các môn …", counted from the corrections up to this version. */
export function correctionsText(s: TranscriptSnapshot, ctx: HocbaContext, version: number): string {
  const mine = ctx.corrections.filter((c) => c.version <= version);
  if (mine.length === 0) {
    return 'Trong bảng này có sửa chữa ở: 0 chỗ, thuộc các môn học, hoạt động giáo dục: không có.';
  }
  const names = [
    ...new Set(mine.map((c) => s.subjects.find((l) => l.code === c.subject)?.name ?? c.subject)),
  ];
  return `Trong bảng này có sửa chữa ở: ${mine.length} chỗ, thuộc các môn học, hoạt động giáo dục: ${names.join(', ')}.`;
}

const level4 = (v: TranscriptSnapshot['results'][number]['learning']) => (v ? LEVEL4_LABEL_VI[v] : '');

const RESULT_COLUMNS: TableColumn[] = [
  { header: 'Học kì', width: 30 },
  { header: 'Kết quả rèn luyện', width: 20, align: 'center' },
  { header: 'Kết quả học tập', width: 20, align: 'center' },
];

function resultsPage(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  yearHeader(pdf, s);
  const byTerm = (term: 0 | 1 | 2) => s.results.find((r) => r.term === term);
  const row = (label: string, term: 0 | 1 | 2) => [
    label,
    level4(byTerm(term)?.conduct ?? null),
    level4(byTerm(term)?.learning ?? null),
  ];
  pdf.table(RESULT_COLUMNS, [
    row('Học kì I', 1),
    row('Học kì II', 2),
    row('Cả năm', 0),
    [
      'Sau rèn luyện, kiểm tra, đánh giá lại trong kì nghỉ hè',
      level4(s.summerConduct),
      level4(s.learningAfterRetest),
    ],
  ]);
  pdf.fields([['Tổng số buổi nghỉ học cả năm', s.absentSessions]], 1);
  decisionLines(pdf, s);
  pdf.fields(
    [
      ['Chứng chỉ (nếu có)', BLANK],
      ['Kết quả tham gia các cuộc thi (nếu có)', BLANK],
      ['Khen thưởng (nếu có)', s.award ? AWARD_LABEL_VI[s.award] : 'Không'],
    ],
    1,
  );
  statusNotes(pdf, print);
  pdf.ensureSpace(
    pdf.paragraphHeight(s.homeroomComment ?? BLANK, { size: 10.5 }) + 2 * PdfBuilder.SIGNATURES_HEIGHT + 60,
  );
  pdf.heading('NHẬN XÉT CỦA GIÁO VIÊN CHỦ NHIỆM');
  pdf.paragraph(s.homeroomComment || `${BLANK}${BLANK}`, { size: 10.5 });
  pdf.signatures([
    { title: '', name: null },
    {
      title: 'Giáo viên chủ nhiệm',
      note: print.homeroomSignedAt
        ? `Đã ký ngày ${vietnameseDate(isoDate(print.homeroomSignedAt))}`
        : '(Ký và ghi rõ họ tên)',
      name: print.homeroomSignedBy ?? s.class.homeroomTeacherName,
    },
  ]);
  pdf.heading('PHÊ DUYỆT CỦA HIỆU TRƯỞNG');
  const approved = print.approvedAt ? isoDate(print.approvedAt) : null;
  pdf.paragraph(
    approved
      ? placeAndDate(s.school.place, approved)
      : `${s.school.place ?? SHORT_BLANK}, ngày ..... tháng ..... năm ........`,
    { font: 'italic', size: 10, align: 'center' },
  );
  pdf.signatures([
    { title: '', name: null },
    {
      title: 'Hiệu trưởng',
      note: approved ? `Phê duyệt ngày ${vietnameseDate(approved)}` : '(Ký, ghi rõ họ tên và đóng dấu)',
      name: print.approvedBy,
    },
  ]);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A draft or a correction says so (TT22: on the results page, above the signatures). */
export function statusNotes(pdf: PdfBuilder, print: TranscriptPrint): void {
  if (print.status === 'draft' || print.status === 'homeroom_signed') {
    pdf.paragraph(
      print.status === 'draft'
        ? 'BẢN NHÁP — số liệu hiện tại của sổ điểm, chưa được ký và phê duyệt.'
        : 'Giáo viên chủ nhiệm đã ký; chờ Hiệu trưởng phê duyệt.',
      { font: 'italic', size: 9.5, align: 'center' },
    );
  }
  if (print.version > 1) {
    pdf.paragraph(`Bản điều chỉnh lần ${print.version - 1}. Lý do: ${print.correctionReason ?? ''}`, {
      font: 'italic',
      size: 9.5,
      align: 'center',
    });
  }
}

/**
 * The three decision lines of the form, the one the stored results decide marked (`transcriptDecision`, TT22
 * Điều 12–14); none is marked while the year is not classified or the summer is still pending. The grade that ends
 * the level (9, 12) prints the completion wording.
 */
function decisionLines(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  const chosen = transcriptDecision({ promotion: s.promotion, finalPromotion: s.finalPromotion });
  const labels = transcriptDecisionLabels(s.class.grade);
  pdf.paragraph('Quyết định:', { font: 'bold', size: 10.5 });
  for (const decision of TRANSCRIPT_DECISIONS) {
    const marked = decision === chosen;
    pdf.paragraph(`${marked ? DECISION_MARK : DECISION_BLANK} ${labels[decision]}`, {
      font: marked ? 'bold' : 'regular',
      size: 10,
    });
  }
  if (s.promotion === 'principal_decision') {
    // TT22 Điều 12 khoản 4: the principal decided from the individual plan's assessment; the reason is printed.
    const reason = s.principalDecisionReason ?? 'chưa có quyết định';
    pdf.paragraph(`Hiệu trưởng quyết định (đánh giá theo kế hoạch giáo dục cá nhân): ${reason}`, {
      font: 'italic',
      size: 9.5,
    });
  }
  if (chosen === null && (s.promotion === 'retest' || s.promotion === 'summer_conduct')) {
    pdf.paragraph('Đang chờ kết quả kiểm tra, đánh giá lại hoặc rèn luyện trong kì nghỉ hè.', {
      font: 'italic',
      size: 9.5,
    });
  }
}
