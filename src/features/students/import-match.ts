import type { Kysely } from 'kysely';
import { isActiveStatus, type ParsedStudentInput, SENSITIVE_INPUTS } from '#contracts/students.ts';
import type { DB, Row } from '../../platform/db/schema.ts';
import type {
  CellValue,
  FieldChange,
  ImportColumn,
  RowError,
  SheetRecord,
  ValidatedRow,
} from '../../platform/imports/kinds.ts';
import { nameKey } from '../../platform/imports/rows.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { firstGuardians } from './queries.ts';

/** A student of the school as update mode compares it: the record, its class this year, its first guardian. */
export interface ExistingStudent {
  row: Row<'students'>;
  className: string | null;
  guardian: Pick<
    Row<'student_guardians'>,
    'id' | 'full_name' | 'relationship' | 'phone' | 'occupation'
  > | null;
}

/** Every student of the school (any status, erased ones too, so a match on them is reported). */
export async function existingStudents(
  db: Kysely<DB>,
  schoolId: string,
  schoolYear: string | null,
): Promise<ExistingStudent[]> {
  const students = await db.selectFrom('students').selectAll().where('unit_id', '=', schoolId).execute();
  const classes = schoolYear
    ? await currentEnrolments(db, schoolId)
        .innerJoin('classes as c', 'c.id', 'e.class_id')
        .select(['e.student_id', 'c.name'])
        .where('c.school_year', '=', schoolYear)
        .execute()
    : [];
  const classOf = new Map(classes.map((c) => [c.student_id, c.name]));
  const guardianOf = await firstGuardians(db, schoolId);
  return students.map((row) => ({
    row,
    className: classOf.get(row.id) ?? null,
    guardian: guardianOf.get(row.id) ?? null,
  }));
}

/** The record fields an import row may change, by column key, with the stored column they compare to. */
const RECORD_FIELDS = {
  fullName: 'full_name',
  birthDate: 'birth_date',
  gender: 'gender',
  moetStudentCode: 'moet_student_code',
  birthPlace: 'birth_place',
  registrationNumber: 'registration_number',
  nationalId: 'national_id',
  ethnicity: 'ethnicity',
  address: 'address',
  disability: 'disability',
  poorHousehold: 'poor_household',
  nearPoorHousehold: 'near_poor_household',
} as const satisfies Partial<Record<keyof ParsedStudentInput, keyof Row<'students'>>>;
export type RecordField = keyof typeof RECORD_FIELDS;
export const RECORD_COLUMN: Readonly<Record<string, keyof Row<'students'> | undefined>> = RECORD_FIELDS;

/** The row's value of a record field as it would be stored: an empty cell clears it, households default to "no". */
function storedForm(value: ParsedStudentInput, key: RecordField): CellValue {
  if (key === 'poorHousehold' || key === 'nearPoorHousehold') return value[key] ?? false;
  return (value[key] as CellValue | undefined) ?? null;
}

/**
 * Update mode (issue 10 §4): each row is matched to a student of the school by its MOET student code, else its
 * national ID, else its full name and birth date among the students of its class; a row that could be two students
 * is an error on that row. A matched row gets the fields it changes (old → new). A column absent from the file
 * (e.g. the sensitive ones of an export made without the right to see them) leaves the field as it is; an empty cell
 * clears it. Class, status, start date and guardian are never removed by an import, so their empty cells leave them
 * as they are: the guardian columns update the first guardian (or add one); a student without a class is enrolled
 * into the one named, but a student in a class is moved on the class page and a status changes on the student's
 * page (an error on the row).
 */
export function matchRows(
  rows: ValidatedRow<ParsedStudentInput>[],
  records: readonly SheetRecord[],
  existing: readonly ExistingStudent[],
  options: { columns: readonly ImportColumn[]; sensitiveAllowed: boolean },
): RowError[] {
  const headerOf = (key: string) => options.columns.find((c) => c.key === key)?.header ?? null;
  const recordOf = new Map(records.map((r) => [r.rowNumber, r]));
  const byCode = new Map<string, ExistingStudent>();
  const byNationalId = new Map<string, ExistingStudent[]>();
  const byNameInClass = new Map<string, ExistingStudent[]>();
  const push = (map: Map<string, ExistingStudent[]>, key: string, student: ExistingStudent) =>
    map.set(key, [...(map.get(key) ?? []), student]);
  for (const student of existing) {
    const { row } = student;
    if (row.moet_student_code) byCode.set(row.moet_student_code.toUpperCase(), student);
    if (row.national_id) push(byNationalId, row.national_id, student);
    if (row.birth_date && student.className) {
      push(byNameInClass, nameInClassKey(row.full_name, row.birth_date, student.className), student);
    }
  }
  const errors: RowError[] = [];
  const matchedBy = new Map<string, number>();
  for (const row of rows) {
    const value = row.value;
    const record = recordOf.get(row.rowNumber);
    const error = (key: string | null, message: string) =>
      errors.push({ row: row.rowNumber, column: key ? headerOf(key) : null, message });
    const byCodeMatch = value.moetStudentCode ? byCode.get(value.moetStudentCode.toUpperCase()) : undefined;
    const byIdMatches = value.nationalId ? (byNationalId.get(value.nationalId) ?? []) : [];
    const byNameMatches =
      value.birthDate && value.className
        ? (byNameInClass.get(nameInClassKey(value.fullName, value.birthDate, value.className)) ?? [])
        : [];
    const [candidates, column, how] = byCodeMatch
      ? [[byCodeMatch], 'moetStudentCode', 'mã định danh học sinh']
      : byIdMatches.length
        ? [byIdMatches, 'nationalId', 'số định danh cá nhân']
        : [byNameMatches, 'fullName', `họ tên và ngày sinh trong lớp ${value.className ?? ''}`];
    if (candidates.length === 0) continue;
    if (candidates.length > 1) {
      error(
        column,
        `Dòng ${row.rowNumber} khớp với ${candidates.length} học sinh đã có (cùng ${how}): ` +
          `${candidates.map((c) => c.row.full_name).join(', ')}. Ghi mã định danh học sinh để chỉ rõ là ai.`,
      );
      continue;
    }
    const student = candidates[0] as ExistingStudent;
    const earlier = matchedBy.get(student.row.id);
    if (earlier !== undefined) {
      error(column, `Dòng này và dòng ${earlier} cùng là học sinh ${student.row.full_name}.`);
      continue;
    }
    matchedBy.set(student.row.id, row.rowNumber);
    // Set before the checks below, so that a row refused here is not also reported as duplicating its own student.
    const changes: FieldChange[] = [];
    row.match = { id: student.row.id, changes };
    if (student.row.erased_at) {
      error(
        column,
        `Dữ liệu cá nhân của ${student.row.full_name} đã bị xoá theo yêu cầu; không cập nhật được.`,
      );
      continue;
    }
    const present = (key: string) => record !== undefined && key in record.values;
    for (const [key, stored] of Object.entries(RECORD_FIELDS) as [RecordField, keyof Row<'students'>][]) {
      if (!present(key)) continue;
      const before = student.row[stored] as CellValue;
      const after = storedForm(value, key);
      if (before !== after) changes.push({ key, before, after });
    }
    const forbidden = changes.filter((c) => (SENSITIVE_INPUTS as readonly string[]).includes(c.key));
    if (forbidden.length && !options.sensitiveAllowed) {
      for (const c of forbidden)
        error(c.key, 'Bạn không có quyền sửa thông tin cá nhân nhạy cảm của học sinh.');
      continue;
    }
    if (value.className && nameKey(value.className) !== nameKey(student.className ?? '')) {
      if (student.className) {
        error(
          'className',
          `${student.row.full_name} đang học lớp ${student.className}; chuyển lớp trên trang lớp học (nhập Excel không chuyển lớp).`,
        );
        continue;
      }
      if (!isActiveStatus(student.row.status)) {
        error('className', `${student.row.full_name} không còn học ở trường nên không xếp vào lớp được.`);
        continue;
      }
      changes.push({ key: 'className', before: null, after: value.className });
    }
    if (value.status && value.status !== student.row.status) {
      error(
        'status',
        'Trạng thái chỉ đổi trên trang của học sinh (chuyển đi, thôi học…), không đổi qua nhập Excel.',
      );
      continue;
    }
    if (value.statusSince && value.statusSince !== student.row.status_since) {
      error('statusSince', 'Ngày vào trường chỉ đổi trên trang của học sinh, không đổi qua nhập Excel.');
      continue;
    }
    const guardian = value.guardians?.[0];
    if (guardian) {
      const before = student.guardian;
      const pairs: [string, CellValue, CellValue][] = [
        ['guardianName', before?.full_name ?? null, guardian.fullName],
        ['guardianRelationship', before?.relationship ?? null, guardian.relationship],
        ['guardianPhone', before?.phone ?? null, guardian.phone ?? null],
        ['guardianOccupation', before?.occupation ?? null, guardian.occupation ?? null],
      ];
      for (const [key, b, a] of pairs) if (b !== a) changes.push({ key, before: b, after: a });
    }
  }
  return errors;
}

const nameInClassKey = (fullName: string, birthDate: string, className: string) =>
  `${nameKey(fullName)}|${birthDate}|${nameKey(className)}`;
