import { z } from 'zod';
import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import type { ImportColumn, ImportKind, RowError } from '../../platform/imports/kinds.ts';
import { columnNamed, duplicatesInFile, nameKey, parseRecords } from '../../platform/imports/rows.ts';
import { type ClassRow, classesOf } from '../classes/queries.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { assignableTeachers, assignmentBoard, setAssignment } from './assignments.ts';

// Phân công giảng dạy from Excel: the principal or vice-principal fills one row per class × subject. Each row is
// written through setAssignment (audited upsert), so an import is the same as setting each cell on the board.

const columns: ImportColumn[] = [
  { key: 'className', header: 'Lớp', type: 'text', required: true, width: 10, note: 'Ví dụ 6A1' },
  {
    key: 'subject',
    header: 'Môn học',
    type: 'text',
    required: true,
    width: 28,
    note: 'Tên môn như trong chương trình (Toán, Ngữ văn, Khoa học tự nhiên…) hoặc mã môn (math)',
  },
  {
    key: 'teacher',
    header: 'Giáo viên',
    type: 'text',
    required: true,
    width: 32,
    note: 'Họ và tên như hồ sơ cán bộ; nếu trùng tên, ghi thêm số điện thoại: Nguyễn Văn An (0912345678)',
  },
  {
    key: 'periodsPerYear',
    header: 'Số tiết/năm',
    type: 'integer',
    width: 12,
    note: 'Để trống: giữ số tiết đã phân công, hoặc lấy theo chương trình của khối',
  },
];

const column = (key: string) => columnNamed(columns, key);

const sheetRow = z.object({
  className: z.string().trim().min(1, 'Thiếu tên lớp.'),
  subject: z.string().trim().min(1, 'Thiếu môn học.'),
  teacher: z.string().trim().min(1, 'Thiếu giáo viên.'),
  periodsPerYear: z
    .number()
    .int()
    .min(1, 'Số tiết/năm từ 1 đến 400.')
    .max(400, 'Số tiết/năm từ 1 đến 400.')
    .optional(),
});

export interface AssignmentRow {
  classId: string;
  className: string;
  subjectCode: string;
  teacherId: string;
  periodsPerYear?: number;
}

type Teacher = Awaited<ReturnType<typeof assignableTeachers>>[number];

/** Phone numbers compare by digits, +84 read as the leading 0. */
const phoneKey = (text: string) => {
  const digits = text.replace(/[\s.\-()]/g, '').replace(/^\+84/, '0');
  return /^0\d{9,10}$/.test(digits) ? digits : null;
};

/**
 * Finds the teacher a cell names: a full name, a phone number or e-mail, or "Full Name (phone or e-mail)" when two
 * teachers share a name (what the export writes for them).
 */
export function matchTeacher(teachers: readonly Teacher[], text: string): Teacher[] {
  const qualified = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  const name = qualified?.[1] ?? text;
  const key = (qualified?.[2] ?? text).trim();
  const phone = phoneKey(key);
  const email = key.includes('@') ? key.toLowerCase() : null;
  if (phone || email) {
    const found = teachers.filter((t) =>
      phone ? t.phone !== null && phoneKey(t.phone) === phone : t.email?.toLowerCase() === email,
    );
    return qualified ? found.filter((t) => nameKey(t.full_name) === nameKey(name)) : found;
  }
  return teachers.filter((t) => nameKey(t.full_name) === nameKey(name));
}

/** A subject of the grade named by its curriculum name, short name or code. */
function matchSubject(grade: number, text: string) {
  const key = nameKey(text);
  return subjectsForGrade(grade).find(
    (s) => s.code === text.trim() || nameKey(s.name) === key || nameKey(s.shortName) === key,
  );
}

/** How the export names a teacher: the full name, with the phone (or e-mail) when the name is not unique. */
function teacherLabel(teachers: readonly Teacher[], id: string, fullName: string): string {
  const namesakes = teachers.filter((t) => nameKey(t.full_name) === nameKey(fullName));
  if (namesakes.length < 2) return fullName;
  const t = namesakes.find((x) => x.id === id);
  const contact = t?.phone ?? t?.email;
  return contact ? `${fullName} (${contact})` : fullName;
}

export const teachingAssignmentsImportKind: ImportKind<AssignmentRow> = {
  kind: 'teaching_assignments',
  label: 'Phân công giảng dạy',
  sheetName: 'Phân công giảng dạy',
  // About 100 classes × 13–15 subjects at the largest schools, less where one teacher takes several.
  maxRows: 3_000,
  fileStem: 'phan-cong-giang-day',
  permission: 'gradebook.manage',
  columns,
  instructions: [
    'Mỗi dòng là một lớp × một môn của năm học hiện tại; lớp đã có giáo viên môn đó thì được thay bằng giáo viên mới.',
    'Môn học phải có trong chương trình của khối lớp (Chương trình GDPT 2018); lớp tiểu học không phân công ở đây.',
    'Giáo viên phải có trong danh sách cán bộ đang công tác của trường (nhập danh sách cán bộ trước).',
  ],

  async validate(ctx, unit, records) {
    const schoolYear = await currentSchoolYearOf(ctx.db, unit.path);
    if (!schoolYear) {
      const message = 'Trường chưa có năm học hiện tại; hãy khai báo năm học trước.';
      return { rows: [], errors: [{ row: null, column: null, message }] };
    }
    const classes = new Map<string, ClassRow>();
    for (const c of await classesOf(ctx.db, unit.id, schoolYear)) classes.set(nameKey(c.name), c);
    const teachers = await assignableTeachers(ctx, unit.id);
    const parsed = parseRecords(sheetRow, records, columns);
    const errors: RowError[] = [...parsed.errors];
    const rows: { rowNumber: number; value: AssignmentRow }[] = [];
    for (const { rowNumber, value } of parsed.rows) {
      const rowErrors: RowError[] = [];
      const fail = (key: string, message: string) =>
        rowErrors.push({ row: rowNumber, column: column(key).header, message });
      const cls = classes.get(nameKey(value.className));
      const subject = cls && cls.grade >= 6 ? matchSubject(cls.grade, value.subject) : undefined;
      if (!cls) fail('className', `Không có lớp ${value.className} trong năm học ${schoolYear} của trường.`);
      else if (cls.grade < 6)
        fail(
          'className',
          `Lớp ${cls.name} là lớp tiểu học (Thông tư 27/2020); không phân công theo sổ điểm THCS/THPT.`,
        );
      else if (!subject)
        fail('subject', `Môn "${value.subject}" không có trong chương trình khối ${cls.grade}.`);
      const found = matchTeacher(teachers, value.teacher);
      if (found.length === 0)
        fail(
          'teacher',
          `Không có giáo viên "${value.teacher}" đang công tác trong danh sách cán bộ của trường.`,
        );
      else if (found.length > 1)
        fail(
          'teacher',
          `Có ${found.length} giáo viên cùng tên "${value.teacher}"; ghi thêm số điện thoại, ví dụ "${value.teacher} (0912345678)".`,
        );
      errors.push(...rowErrors);
      const teacher = found[0];
      if (rowErrors.length || !cls || !subject || !teacher) continue;
      rows.push({
        rowNumber,
        value: {
          classId: cls.id,
          className: cls.name,
          subjectCode: subject.code,
          teacherId: teacher.id,
          periodsPerYear: value.periodsPerYear,
        },
      });
    }
    errors.push(
      ...duplicatesInFile(
        rows,
        (r) => `${r.classId}/${r.subjectCode}`,
        column('subject'),
        (_, first) => `Lớp và môn này đã được phân công ở dòng ${first} trong tệp.`,
      ),
    );
    return { rows, errors };
  },

  async commitRow(ctx, _unit, row) {
    await setAssignment(ctx, {
      classId: row.classId,
      subjectCode: row.subjectCode,
      teacherId: row.teacherId,
      periodsPerYear: row.periodsPerYear,
    });
  },

  async exportList(ctx, unitId) {
    const board = await assignmentBoard(ctx, { unitId });
    const teachers = await assignableTeachers(ctx, unitId);
    const byClassSubject = new Map(board.assignments.map((a) => [`${a.classId}/${a.subjectCode}`, a]));
    const records = board.classes.flatMap((c) =>
      subjectsForGrade(c.grade).flatMap((s) => {
        const a = byClassSubject.get(`${c.id}/${s.code}`);
        if (!a) return [];
        return [
          {
            className: c.name,
            subject: s.name,
            teacher: teacherLabel(teachers, a.teacherId, a.teacherName),
            periodsPerYear: a.periodsPerYear,
          },
        ];
      }),
    );
    return { records };
  },
};
