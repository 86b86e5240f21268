import { GUARDIAN_RELATIONSHIP_LABEL_VI } from '#contracts/students.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import {
  AWARD_LABEL_VI,
  formatAverage,
  LEVEL4_LABEL_VI,
  PASS_FAIL_SHORT_VI,
  PRIMARY_AWARD_LABEL_VI,
  PRIMARY_LEVEL_LETTER,
  PRIMARY_OUTCOME_LABEL_VI,
  PRIMARY_TRAIT_LETTER,
  TRANSCRIPT_DECISIONS,
  transcriptDecision,
  transcriptDecisionLabels,
} from '../../domain/grading/index.ts';
import type { PrimaryLevel, PrimaryTraitLevel } from '../../domain/grading/types.ts';
import { ethnicityByKey } from '../../domain/identity/ethnicities.ts';
import { PdfBuilder } from '../../platform/pdf/document.ts';
import { placeAndDate } from '../dx-assessments/pdfs.ts';
import type { PrimaryMark, SubjectLine, TranscriptSnapshot } from './snapshot.ts';

/** What the PDF prints about the version besides its data: status, signers and the correction. */
export interface TranscriptPrint {
  snapshot: TranscriptSnapshot;
  status: string;
  version: number;
  correctionReason: string | null;
  homeroomSignedBy: string | null;
  homeroomSignedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const dateVi = (iso: string | null) => (iso ? vietnameseDate(iso) : '');
const avg = (v: number | null) => (v === null ? '' : formatAverage(v));
const pf = (v: SubjectLine['yearResult']) => (v ? PASS_FAIL_SHORT_VI[v] : '');
const level4 = (v: TranscriptSnapshot['results'][number]['learning']) => (v ? LEVEL4_LABEL_VI[v] : '');

/** One transcript as a PDF file. */
export async function transcriptPdf(print: TranscriptPrint): Promise<Buffer> {
  const pdf = new PdfBuilder({ title: `Học bạ - ${print.snapshot.student.fullName}` });
  renderTranscript(pdf, print);
  return pdf.toBuffer();
}

/** A class's transcripts in one file, each starting on a new page. */
export async function classTranscriptsPdf(
  title: string,
  prints: TranscriptPrint[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<Buffer> {
  const pdf = new PdfBuilder({ title });
  for (const [i, print] of prints.entries()) {
    if (i > 0) pdf.newPage();
    renderTranscript(pdf, print);
    await onProgress?.(i + 1, prints.length);
  }
  if (prints.length === 0) pdf.paragraph('Lớp chưa có học sinh.');
  return pdf.toBuffer();
}

function renderTranscript(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  pdf.officialHeader({ governingBody: s.school.governingBody, unitName: s.school.name });
  pdf.title('Học bạ', `Năm học ${s.schoolYear} — Lớp ${s.class.name}`);
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
  identity(pdf, s);
  if (s.layout === 'tt27') primaryBody(pdf, s, signingHeight(pdf, print));
  else secondaryBody(pdf, s);
  signatures(pdf, print);
}

function identity(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  const st = s.student;
  pdf.fields([
    ['Họ và tên', st.fullName],
    ['Giới tính', st.gender === 'male' ? 'Nam' : st.gender === 'female' ? 'Nữ' : ''],
    ['Ngày sinh', dateVi(st.birthDate)],
    ['Dân tộc', st.ethnicity ? (ethnicityByKey(st.ethnicity)?.name ?? st.ethnicity) : ''],
    ['Mã học sinh', st.moetStudentCode],
    ['Lớp', s.class.name],
  ]);
  pdf.fields([['Nơi ở hiện nay', st.address]], 1);
  const guardians = st.guardians.map(
    (g) =>
      [GUARDIAN_RELATIONSHIP_LABEL_VI[g.relationship as 'father'] ?? 'Người giám hộ', g.fullName] as [
        string,
        string,
      ],
  );
  if (guardians.length > 0) pdf.fields(guardians, 2);
}

/** TT22: per subject the term and year averages (or Đ/CĐ) and the re-test; then learning and conduct. */
function secondaryBody(pdf: PdfBuilder, s: TranscriptSnapshot): void {
  pdf.heading('Kết quả học tập các môn học và hoạt động giáo dục');
  pdf.table(
    [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Môn học / Hoạt động giáo dục', width: 25 },
      { header: 'Học kỳ I', width: 8, align: 'center' },
      { header: 'Học kỳ II', width: 8, align: 'center' },
      { header: 'Cả năm', width: 8, align: 'center' },
      { header: 'Điểm/mức đánh giá lại', width: 9, align: 'center' },
      { header: 'Nhận xét của giáo viên môn học', width: 30 },
    ],
    s.subjects.map((line, i) =>
      line.kind === 'comment'
        ? [
            i + 1,
            line.name,
            pf(line.term1Result),
            pf(line.term2Result),
            pf(line.yearResult),
            pf(line.retestResult),
            line.comment,
          ]
        : [
            i + 1,
            line.name,
            avg(line.term1),
            avg(line.term2),
            avg(line.year),
            avg(line.retestScore),
            line.comment,
          ],
    ),
    { fontSize: 9 },
  );
  pdf.heading('Kết quả học tập và rèn luyện');
  const byTerm = (term: 0 | 1 | 2) => s.results.find((r) => r.term === term);
  pdf.table(
    [
      { header: '', width: 16 },
      { header: 'Học kỳ I', width: 12, align: 'center' },
      { header: 'Học kỳ II', width: 12, align: 'center' },
      { header: 'Cả năm', width: 12, align: 'center' },
      { header: 'Sau kiểm tra lại / rèn luyện hè', width: 20, align: 'center' },
    ],
    [
      [
        'Kết quả học tập',
        level4(byTerm(1)?.learning ?? null),
        level4(byTerm(2)?.learning ?? null),
        level4(byTerm(0)?.learning ?? null),
        level4(s.learningAfterRetest),
      ],
      [
        'Kết quả rèn luyện',
        level4(byTerm(1)?.conduct ?? null),
        level4(byTerm(2)?.conduct ?? null),
        level4(byTerm(0)?.conduct ?? null),
        level4(s.summerConduct),
      ],
    ],
  );
  pdf.fields(
    [
      ['Tổng số buổi nghỉ học cả năm', s.absentSessions],
      ['Khen thưởng', s.award ? AWARD_LABEL_VI[s.award] : 'Không'],
    ],
    2,
  );
  decisionLines(pdf, s);
  pdf.fields([['Nhận xét của giáo viên chủ nhiệm', s.homeroomComment]], 1);
}

/**
 * The three decision lines of the TT22 học bạ, the one the stored results decide marked (`transcriptDecision`,
 * TT22 Điều 12–14); none is marked while the year is not classified or the summer is still pending.
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

/** The box of the line the decision marks, and of the others. */
const DECISION_MARK = '[X]';
const DECISION_BLANK = '[  ]';

/**
 * TT27 Điều 13 khoản 1 điểm a: Học sinh Xuất sắc (Hoàn thành xuất sắc) or Học sinh Tiêu biểu hoàn thành tốt trong
 * học tập và rèn luyện, with what the class recognised. Snapshots made before migration 0085 never held a primary
 * title ('excellent' is TT22's Học sinh Giỏi and is not printed as a primary title).
 */
function primaryAward(s: TranscriptSnapshot): string {
  if (s.award === 'outstanding') return PRIMARY_AWARD_LABEL_VI.outstanding;
  if (s.award !== 'exemplary') return 'Không';
  const recognition = s.primary?.recognition;
  return recognition
    ? `${PRIMARY_AWARD_LABEL_VI.exemplary} (${recognition})`
    : PRIMARY_AWARD_LABEL_VI.exemplary;
}

const letter = (m: PrimaryMark | null) => (m ? (PRIMARY_LEVEL_LETTER[m.level as PrimaryLevel] ?? '') : '');
const trait = (v: string | null) => (v ? (PRIMARY_TRAIT_LETTER[v as PrimaryTraitLevel] ?? '') : '');
const test = (m: PrimaryMark | null) => (m?.testScore == null ? '' : String(m.testScore));

/** Qualities and competences side by side, as on the paper transcript. */
const TRAIT_COLUMNS = [
  { header: 'Phẩm chất', width: 16 },
  { header: 'CK I', width: 6, align: 'center' as const },
  { header: 'CN', width: 6, align: 'center' as const },
  { header: 'Năng lực', width: 24 },
  { header: 'CK I', width: 6, align: 'center' as const },
  { header: 'CN', width: 6, align: 'center' as const },
];

const LEGEND =
  'Môn học: T Hoàn thành tốt, H Hoàn thành, C Chưa hoàn thành. Phẩm chất, năng lực: T Tốt, Đ Đạt, C Cần cố gắng.';

/**
 * TT27 Phụ lục học bạ: levels T/H/C, test scores and comments per subject; qualities and competences with their
 * comments; the outcome, title, programme completion; then the signatures. Everything from the qualities table to
 * the signatures is kept on one page (`signing` is the height the signatures need), so the signature block is never
 * alone on a page, apart from what it signs.
 */
function primaryBody(pdf: PdfBuilder, s: TranscriptSnapshot, signing: number): void {
  const p = s.primary;
  if (!p) return;
  pdf.heading('Các môn học và hoạt động giáo dục');
  pdf.table(
    [
      { header: 'Môn học và hoạt động giáo dục', width: 24 },
      { header: 'Mức đạt được CK I', width: 8, align: 'center' },
      { header: 'Điểm KTĐK CK I', width: 8, align: 'center' },
      { header: 'Mức đạt được CN', width: 8, align: 'center' },
      { header: 'Điểm KTĐK CN', width: 8, align: 'center' },
      { header: 'Nhận xét', width: 30 },
    ],
    p.subjects.map((line) => [
      line.name,
      letter(line.end1),
      test(line.end1),
      letter(line.end2),
      test(line.end2),
      line.end2?.comment ?? line.end1?.comment,
    ]),
    { fontSize: 9 },
  );
  const rows = Array.from({ length: Math.max(p.qualities.length, p.competences.length) }, (_, i) => {
    const q = p.qualities[i];
    const c = p.competences[i];
    return [
      q?.name,
      trait(q?.end1 ?? null),
      trait(q?.end2 ?? null),
      c?.name,
      trait(c?.end1 ?? null),
      trait(c?.end2 ?? null),
    ];
  });
  const comments = [...p.qualities, ...p.competences]
    .filter((t) => t.comment)
    .map((t) => `${t.name}: ${t.comment}`)
    .join('; ');
  const outcome: [string, string][] = [
    ['Đánh giá kết quả giáo dục', p.outcome ? PRIMARY_OUTCOME_LABEL_VI[p.outcome] : ''],
    ['Khen thưởng', primaryAward(s)],
  ];
  const completion = 'Hoàn thành chương trình tiểu học.';
  const absent: [string, number][] = [['Số buổi nghỉ học', s.absentSessions]];
  const homeroom: [string, string | null][] = [['Nhận xét của giáo viên chủ nhiệm', s.homeroomComment]];
  const closing =
    30 +
    pdf.tableHeight(TRAIT_COLUMNS, rows, { fontSize: 9 }) +
    pdf.paragraphHeight(LEGEND, { font: 'italic', size: 8.5 }) +
    (comments ? pdf.paragraphHeight(`Nhận xét: ${comments}`, { size: 9 }) : 0) +
    pdf.fieldsHeight(outcome, 1) +
    (p.completesProgramme ? pdf.paragraphHeight(completion, { font: 'bold' }) : 0) +
    pdf.fieldsHeight(absent, 1) +
    pdf.fieldsHeight(homeroom, 1) +
    signing;
  pdf.ensureSpace(closing);
  pdf.heading('Những phẩm chất chủ yếu và năng lực cốt lõi');
  pdf.table(TRAIT_COLUMNS, rows, { fontSize: 9 });
  pdf.paragraph(LEGEND, { font: 'italic', size: 8.5 });
  if (comments) pdf.paragraph(`Nhận xét: ${comments}`, { size: 9 });
  pdf.fields(outcome, 1);
  if (p.completesProgramme) pdf.paragraph(completion, { font: 'bold' });
  pdf.fields(absent, 1);
  pdf.fields(homeroom, 1);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The height `signatures` takes: the place-and-date line once approved, then the blocks. */
function signingHeight(pdf: PdfBuilder, print: TranscriptPrint): number {
  const approved = print.approvedAt ? isoDate(print.approvedAt) : null;
  const line = approved
    ? pdf.paragraphHeight(placeAndDate(print.snapshot.school.place, approved), { font: 'italic' })
    : 0;
  return line + PdfBuilder.SIGNATURES_HEIGHT;
}

function signatures(pdf: PdfBuilder, print: TranscriptPrint): void {
  const s = print.snapshot;
  const approved = print.approvedAt ? isoDate(print.approvedAt) : null;
  if (approved) pdf.paragraph(placeAndDate(s.school.place, approved), { font: 'italic', align: 'center' });
  pdf.signatures([
    {
      title: 'Giáo viên chủ nhiệm',
      note: print.homeroomSignedAt
        ? `Đã ký ngày ${dateVi(isoDate(print.homeroomSignedAt))}`
        : '(Ký và ghi rõ họ tên)',
      name: print.homeroomSignedBy ?? s.class.homeroomTeacherName,
    },
    {
      title: 'Hiệu trưởng',
      note: approved ? `Phê duyệt ngày ${dateVi(approved)}` : '(Ký, ghi rõ họ tên và đóng dấu)',
      name: print.approvedBy,
    },
  ]);
}
