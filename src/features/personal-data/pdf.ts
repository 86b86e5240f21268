import {
  GUARDIAN_RELATIONSHIP_LABEL_VI,
  type GuardianRelationship,
  type PersonalDataExport,
  STUDENT_STATUS_LABEL_VI,
  type StudentStatus,
} from '#contracts/students.ts';
import type { TRANSCRIPT_STATUSES } from '#contracts/transcripts.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import { subjectByCode } from '../../domain/curriculum/index.ts';
import { formatAverage, LEVEL4_LABEL_VI, PROMOTION_LABEL_VI } from '../../domain/grading/index.ts';
import { PdfBuilder } from '../../platform/pdf/document.ts';

// The readable copy of the personal-data export: the same sections as the JSON file, Vietnamese headings, and no
// internal id (the JSON carries the student's id for machines; a person reads names, dates and values).

type Row = Record<string, unknown>;
type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));
const date = (v: unknown) => (typeof v === 'string' && v ? vietnameseDate(v.slice(0, 10)) : '');
const avg = (v: unknown) => (typeof v === 'number' ? formatAverage(v) : '');
const level4 = (v: unknown) => (typeof v === 'string' ? (LEVEL4_LABEL_VI as Row)[v] : '') as string;
const subject = (v: unknown) => subjectByCode(String(v))?.name ?? text(v);
const term = (v: unknown) => (v === 0 ? 'Cả năm' : `HK ${v === 1 ? 'I' : 'II'}`);

const TRANSCRIPT_STATUS_VI: Record<TranscriptStatus, string> = {
  draft: 'Bản nháp',
  homeroom_signed: 'GVCN đã ký',
  approved: 'Đã phê duyệt',
  sealed: 'Đã đóng dấu',
  published: 'Đã công bố',
  superseded: 'Đã thay thế',
};
const ACCESS_ACTION_VI: Record<string, string> = {
  view: 'Xem',
  export: 'Tải về',
  erase: 'Xoá dữ liệu',
  list_export: 'Xuất danh sách',
};

export async function personalDataPdf(data: PersonalDataExport): Promise<Buffer> {
  const s = data.student as Row;
  const pdf = new PdfBuilder({ title: `Dữ liệu cá nhân - ${text(s.fullName)}` });
  pdf.title('Dữ liệu cá nhân của học sinh', `${data.school} — xuất ngày ${date(data.exportedAt)}`);
  pdf.paragraph(`Căn cứ: ${data.legalBasis}. Người xuất: ${data.exportedBy}.`, { size: 9.5 });
  pdf.heading('1. Thông tin học sinh');
  pdf.fields([
    ['Họ và tên', text(s.fullName)],
    ['Ngày sinh', date(s.birthDate)],
    ['Nơi sinh', text(s.birthPlace)],
    ['Số đăng bộ', text(s.registrationNumber)],
    ['Mã học sinh', text(s.moetStudentCode)],
    ['Số định danh', text(s.nationalId)],
    ['Nơi ở', text(s.address)],
    ['Trạng thái', STUDENT_STATUS_LABEL_VI[s.status as StudentStatus] ?? text(s.status)],
    ['Đã xoá dữ liệu cá nhân', s.erasedAt ? date(s.erasedAt) : 'Chưa'],
  ]);
  section(pdf, '2. Cha mẹ, người giám hộ', data.guardians, [
    ['Quan hệ', 2, (g) => GUARDIAN_RELATIONSHIP_LABEL_VI[g.relationship as GuardianRelationship] ?? ''],
    ['Họ và tên', 3, (g) => text(g.fullName)],
    ['Nghề nghiệp', 2, (g) => text(g.occupation)],
    ['Điện thoại', 2, (g) => text(g.phone)],
    ['Email', 3, (g) => text(g.email)],
  ]);
  section(pdf, '3. Quá trình học tập (trạng thái)', data.statusHistory, [
    ['Ngày', 2, (h) => date(h.effectiveOn)],
    ['Trạng thái', 2, (h) => STUDENT_STATUS_LABEL_VI[h.status as StudentStatus] ?? ''],
    ['Lý do', 4, (h) => text(h.reason)],
  ]);
  section(pdf, '4. Lớp đã học', data.enrolments, [
    ['Năm học', 2, (e) => text(e.schoolYear)],
    ['Lớp', 1, (e) => text(e.className)],
    ['Từ ngày', 2, (e) => date(e.enrolledOn)],
    ['Đến ngày', 2, (e) => date(e.leftOn)],
  ]);
  section(pdf, '5. Điểm các môn theo học kì', data.scores, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Học kì', 1, (r) => term(r.term)],
    ['Môn', 3, (r) => subject(r.subject)],
    ['ĐĐGtx', 3, (r) => (r.regular as number[]).map(formatAverage).join('; ')],
    ['ĐĐGgk', 1, (r) => avg(r.midterm)],
    ['ĐĐGck', 1, (r) => avg(r.final)],
    ['ĐTBmhk', 1, (r) => avg(r.termAverage)],
    ['Nhận xét', 3, (r) => text(r.teacherComment)],
  ]);
  section(pdf, '6. Kết quả cả năm từng môn', data.subjectYearResults, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Môn', 3, (r) => subject(r.subject)],
    ['ĐTBmcn', 1, (r) => avg(r.yearAverage)],
    ['Kiểm tra lại', 1, (r) => avg(r.retestScore)],
  ]);
  section(pdf, '7. Kết quả học tập, rèn luyện, lên lớp', data.results, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Kỳ', 1, (r) => term(r.term)],
    ['Học tập', 1, (r) => level4(r.learning)],
    ['Rèn luyện', 1, (r) => level4(r.conduct)],
    ['Nghỉ (buổi)', 1, (r) => text(r.absentSessions)],
    ['Lên lớp', 2, (r) => (PROMOTION_LABEL_VI as Row)[text(r.promotion)] as string],
    ['Nhận xét GVCN', 3, (r) => text(r.homeroomComment)],
  ]);
  section(pdf, '8. Đánh giá định kì (tiểu học)', data.primaryEvaluations, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Thời điểm', 2, (r) => text(r.checkpoint)],
    ['Nội dung', 3, (r) => subject(r.aspect)],
    ['Mức', 2, (r) => text(r.level)],
    ['Điểm KT', 1, (r) => text(r.testScore)],
    ['Nhận xét', 3, (r) => text(r.comment)],
  ]);
  section(pdf, '9. Chuyên cần', data.attendance, [
    ['Ngày', 2, (r) => date(r.date)],
    ['Buổi', 1, (r) => (r.session === 'morning' ? 'Sáng' : 'Chiều')],
    ['Có phép', 1, (r) => (r.excused ? 'Có' : 'Không')],
    ['Ghi chú', 4, (r) => text(r.note)],
  ]);
  section(pdf, '10. Đánh giá rèn luyện', data.conduct, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Học kì', 1, (r) => term(r.term)],
    ['Mức', 1, (r) => level4(r.level)],
    ['Nhận xét', 4, (r) => text(r.comment)],
  ]);
  section(pdf, '11. Sổ liên lạc: thông báo gửi lớp', data.contactBookNotes, [
    ['Ngày', 2, (r) => date(r.sentAt)],
    ['Lớp', 1, (r) => text(r.className)],
    ['Tiêu đề', 3, (r) => text(r.title)],
    ['Nội dung', 5, (r) => text(r.body)],
  ]);
  section(pdf, '12. Học bạ (mọi phiên bản)', data.transcripts, [
    ['Năm học', 2, (r) => text(r.schoolYear)],
    ['Lớp', 1, (r) => text(r.className)],
    ['Phiên bản', 1, (r) => text(r.version)],
    ['Tình trạng', 2, (r) => TRANSCRIPT_STATUS_VI[r.status as TranscriptStatus] ?? text(r.status)],
    ['Duyệt', 3, (r) => [text(r.approvedBy), date(r.approvedAt)].filter(Boolean).join(', ')],
    ['Lý do điều chỉnh', 3, (r) => text(r.correctionReason)],
  ]);
  section(pdf, '13. Tài khoản đăng nhập', data.accounts, [
    ['Của', 2, (r) => (r.link === 'student' ? 'Học sinh' : 'Cha mẹ')],
    ['Tên đăng nhập', 3, (r) => text(r.username)],
    ['Họ và tên', 3, (r) => text(r.fullName)],
    ['Đang hoạt động', 2, (r) => (r.active ? 'Có' : 'Không')],
  ]);
  section(pdf, '14. Nhật ký truy cập dữ liệu cá nhân', data.accessLog, [
    ['Thời điểm', 2, (r) => date(r.occurredAt)],
    ['Người truy cập', 3, (r) => text(r.actor)],
    ['Việc', 2, (r) => ACCESS_ACTION_VI[text(r.action)] ?? text(r.action)],
    ['Dữ liệu của', 2, (r) => (r.subject === 'guardian' ? 'Cha mẹ' : 'Học sinh')],
  ]);
  return pdf.toBuffer();
}

type Column = [header: string, width: number, cell: (row: Row) => string];

function section(pdf: PdfBuilder, title: string, rows: readonly Row[], columns: Column[]) {
  pdf.heading(title);
  if (rows.length === 0) {
    pdf.paragraph('Không có dữ liệu.', { font: 'italic', size: 10 });
    return;
  }
  pdf.table(
    columns.map(([header, width]) => ({ header, width })),
    rows.map((row) => columns.map(([, , cell]) => cell(row) ?? '')),
    { fontSize: 8.5 },
  );
}
