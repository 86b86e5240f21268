import { vietnameseDate } from '../domain/calendar/index.ts';
import { subjectByCode } from '../domain/curriculum/catalogue.ts';
import { LEVEL4_LABEL_VI, PASS_FAIL_LABEL_VI } from '../domain/grading/labels.ts';
import { ASSESSMENT_STATUS_LABEL_VI } from './dx-assessments/campaigns.ts';
import { FIELD_LABEL_VI } from './field-labels.ts';
import { ROLE_LABEL_VI } from './roles.ts';
import {
  EMPLOYMENT_STATUS_LABEL_VI,
  POSITION_LABEL_VI,
  QUALIFICATION_LABEL_VI,
  STAFF_ROLE_LABEL_VI,
} from './staff.ts';
import { DISABILITY_LABEL_VI, GUARDIAN_RELATIONSHIP_LABEL_VI, STUDENT_STATUS_LABEL_VI } from './students.ts';
import { SCHOOL_LEVEL_LABEL_VI } from './units.ts';

/** One changed field of an audit row, in words: «ĐĐGtx 2: 6,5 → 7,5». */
export interface AuditChangeWords {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * Names of the fields audit rows carry that are not request fields (those are named by FIELD_LABEL_VI), and of the
 * gradebook's cell columns (`regular:2` is handled apart).
 */
const AUDIT_FIELD_LABEL_VI: Record<string, string> = {
  value: 'Giá trị',
  midterm: 'ĐĐGgk',
  final: 'ĐĐGck',
  makeup: 'Kiểm tra bù',
  level: 'Mức',
  locked: 'Khoá sổ',
  status: 'Trạng thái',
  term: 'Học kì',
  schoolYear: 'Năm học',
  session: 'Buổi',
  subjectCode: 'Môn học',
  fullName: 'Họ và tên',
  name: 'Tên',
  username: 'Tên đăng nhập',
  active: 'Đang hoạt động',
  role: 'Vai trò',
  position: 'Chức vụ',
  signedAt: 'Ngày ký',
  approvedAt: 'Ngày duyệt',
  entryDeadline: 'Hạn nhập điểm',
  reason: 'Lý do',
  comment: 'Nhận xét',
  // A results close (results/close.ts): how many it computed.
  classes: 'Số lớp',
  students: 'Số học sinh',
  classified: 'Số học sinh được xếp loại',
  incomplete: 'Số học sinh còn thiếu điểm',
  correctionReason: 'Lý do đính chính',
  leftOn: 'Ngày rời lớp',
  joinedOn: 'Ngày vào lớp',
  written: 'Số bản ghi',
  homeroomTeacherName: 'Giáo viên chủ nhiệm',
  className: 'Lớp',
};

/** Enum values in words, by field; `status` depends on the entity (a student's, an assessment's). */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  level: { ...LEVEL4_LABEL_VI },
  role: ROLE_LABEL_VI,
  position: POSITION_LABEL_VI,
  staffRole: STAFF_ROLE_LABEL_VI,
  qualification: QUALIFICATION_LABEL_VI,
  employmentStatus: EMPLOYMENT_STATUS_LABEL_VI,
  relationship: GUARDIAN_RELATIONSHIP_LABEL_VI,
  disability: DISABILITY_LABEL_VI,
  schoolLevel: SCHOOL_LEVEL_LABEL_VI,
  session: { morning: 'Buổi sáng', afternoon: 'Buổi chiều' },
  gender: { male: 'Nam', female: 'Nữ' },
};
const STATUS_LABELS: Record<string, Record<string, string>> = {
  student: STUDENT_STATUS_LABEL_VI,
  assessment: ASSESSMENT_STATUS_LABEL_VI,
};
/** What a cell of the score grid, the attendance sheet or the conduct page held. */
const CELL_VALUE_LABELS: Record<string, Record<string, string>> = {
  subject_score: PASS_FAIL_LABEL_VI,
  attendance: { present: 'Có mặt', excused: 'Vắng có phép', unexcused: 'Vắng không phép' },
  conduct: LEVEL4_LABEL_VI,
};
/** Where a cell change happened (class, subject, term, day): shown once as the row's context, not as a change. */
const CONTEXT_FIELDS = ['subjectCode', 'term', 'schoolYear', 'date', 'session'] as const;
const EMPTY = '(trống)';

export function auditFieldLabel(field: string): string {
  const regular = /^regular:(\d+)$/.exec(field);
  if (regular) return `ĐĐGtx ${regular[1]}`;
  return AUDIT_FIELD_LABEL_VI[field] ?? FIELD_LABEL_VI[field] ?? field;
}

/** Internal ids never reach the reader (they mean nothing to a person and are not printed on documents). */
const isInternalId = (field: string) => field === 'id' || /Ids?$/.test(field);

const termWords = (term: unknown) =>
  term === 1 || term === '1' ? 'Học kì I' : term === 2 || term === '2' ? 'Học kì II' : String(term);

/** A stored value in words: dates dd/mm/yyyy, decimals with a comma ("7,5"), enums by their labels. */
export function auditValueWords(value: unknown, field = '', entity = ''): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value))
    return value.length === 0 ? EMPTY : value.map((v) => auditValueWords(v, field, entity)).join(', ');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return field === 'term' ? termWords(value) : String(value).replace('.', ',');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !isInternalId(key))
      .map(([key, v]) => `${auditFieldLabel(key)}: ${auditValueWords(v, key, entity)}`)
      .join('; ');
  }
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return vietnameseDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return timestampWords(text);
  if (field === 'term') return termWords(text);
  const labels = field === 'status' ? STATUS_LABELS[entity] : VALUE_LABELS[field];
  return labels?.[text] ?? text;
}

/** An instant in Vietnam's time (UTC+7, no summer time): dd/mm/yyyy hh:mm. */
function timestampWords(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${vietnameseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The old → new of an audit row in words. A cell change (score, attendance, conduct: `{…context, column, value}`)
 * reads as one line named by its column and a context line ("Môn Toán · Học kì I · năm học 2025-2026"); any other row
 * lists the fields it carries, ids left out. A creation has only "after", a deletion only "before".
 */
export function describeAuditChange(
  entity: string,
  before: unknown,
  after: unknown,
): { context: string | null; changes: AuditChangeWords[] } {
  const b = isRecord(before) ? before : before == null ? {} : { value: before };
  const a = isRecord(after) ? after : after == null ? {} : { value: after };
  const cells = CELL_VALUE_LABELS[entity];
  const context = contextWords({ ...b, ...a });
  if (cells && ('value' in a || 'value' in b || 'level' in a)) {
    return { context, changes: cellChanges(entity, b, a, cells) };
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (field) => !isInternalId(field) && !(context && (CONTEXT_FIELDS as readonly string[]).includes(field)),
  );
  const changes = fields.map((field) => ({
    field,
    label: auditFieldLabel(field),
    before: field in b ? auditValueWords(b[field], field, entity) : null,
    after: field in a ? auditValueWords(a[field], field, entity) : null,
  }));
  return { context, changes };
}

function cellChanges(
  entity: string,
  b: Record<string, unknown>,
  a: Record<string, unknown>,
  cells: Record<string, string>,
): AuditChangeWords[] {
  const cell = (value: unknown, field: string) =>
    typeof value === 'string' && cells[value] ? cells[value] : auditValueWords(value, field, entity);
  // Conduct rows carry the level and the comment themselves; the other grids one `column` and its `value`.
  if (!('value' in a || 'value' in b)) {
    return ['level', 'comment']
      .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
      .map((field) => ({
        field,
        label: auditFieldLabel(field),
        before: cell(b[field], field),
        after: cell(a[field], field),
      }));
  }
  const column = String(a.column ?? b.column ?? 'value');
  const label = entity === 'attendance' ? 'Điểm danh' : auditFieldLabel(column);
  return [{ field: column, label, before: cell(b.value, column), after: cell(a.value, column) }];
}

/** "Môn Toán · Học kì I · năm học 2025-2026", "Buổi sáng 07/12/2026": where a cell change happened. */
function contextWords(values: Record<string, unknown>): string | null {
  const parts: string[] = [];
  if (typeof values.subjectCode === 'string') {
    parts.push(`Môn ${subjectByCode(values.subjectCode)?.name ?? values.subjectCode}`);
  }
  if (values.session) parts.push(auditValueWords(values.session, 'session'));
  if (values.date && typeof values.date === 'string') parts.push(vietnameseDate(values.date));
  if (values.term !== undefined && values.term !== null && 'schoolYear' in values)
    parts.push(termWords(values.term));
  if (typeof values.schoolYear === 'string' && (values.subjectCode || values.term !== undefined)) {
    parts.push(`năm học ${values.schoolYear}`);
  }
  return parts.length > 0 ? parts.join(' · ') : null;
}
