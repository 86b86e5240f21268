import { z } from 'zod';
import { classInput } from '#contracts/classes.ts';
import type { ImportColumn, ImportKind, RowError } from '../../platform/imports/kinds.ts';
import {
  columnNamed,
  duplicatesInFile,
  nameKey,
  parseRecords,
  writeInSlices,
} from '../../platform/imports/rows.ts';
import { addClasses } from './add-many.ts';
import { createClass, homeroomCandidates, listClasses } from './service.ts';

const columns: ImportColumn[] = [
  { key: 'name', header: 'Tên lớp', type: 'text', required: true, width: 12, note: 'Ví dụ 6A1' },
  { key: 'grade', header: 'Khối', type: 'integer', required: true, width: 8, note: 'Số từ 1 đến 12' },
  {
    key: 'homeroomTeacher',
    header: 'Giáo viên chủ nhiệm',
    type: 'text',
    width: 28,
    note: 'Họ và tên đúng như hồ sơ cán bộ của trường; để trống nếu chưa phân công',
  },
  { key: 'room', header: 'Phòng học', type: 'text', width: 12 },
  { key: 'studentCount', header: 'Sĩ số', type: 'integer', width: 8, exportOnly: true },
];

/** An import row: the class input, with the homeroom teacher found by name. */
const classRow = classInput.extend({ homeroomTeacherId: z.uuid().nullish() });
type ClassRow = z.output<typeof classRow>;

const column = (key: string) => columnNamed(columns, key);

/** Lớp học of the school's current school year, created by the classes feature's createClass (audited). */
export const classesImportKind: ImportKind<ClassRow> = {
  kind: 'classes',
  label: 'Lớp học',
  sheetName: 'Lớp học',
  // The largest schools have about 100 classes.
  maxRows: 500,
  fileStem: 'lop-hoc',
  columns,
  instructions: [
    'Các lớp được tạo trong năm học hiện tại của trường; tên lớp không được trùng với lớp đã có.',
    'Giáo viên chủ nhiệm phải có trong danh sách cán bộ của trường (nhập danh sách cán bộ trước).',
  ],

  async validate(ctx, unit, records) {
    const { classes, schoolYear } = await listClasses(ctx, { unitId: unit.id });
    if (!schoolYear) {
      return {
        rows: [],
        errors: [
          {
            row: null,
            column: null,
            message: 'Trường chưa có năm học hiện tại; hãy khai báo năm học trước.',
          },
        ],
      };
    }
    const teachers = await homeroomCandidates(ctx, unit.id);
    const teachersByName = new Map<string, string[]>();
    for (const t of teachers) {
      const key = nameKey(t.fullName);
      teachersByName.set(key, [...(teachersByName.get(key) ?? []), t.id]);
    }
    const errors: RowError[] = [];
    const parsed = parseRecords(classRow, records, columns, {
      toInput: ({ rowNumber, values }) => {
        const { homeroomTeacher, ...rest } = values;
        const teacher = typeof homeroomTeacher === 'string' ? homeroomTeacher : null;
        const ids = teacher ? (teachersByName.get(nameKey(teacher)) ?? []) : [];
        if (teacher && ids.length !== 1) {
          errors.push({
            row: rowNumber,
            column: column('homeroomTeacher').header,
            message:
              ids.length === 0
                ? `Không có giáo viên "${teacher}" trong danh sách cán bộ của trường.`
                : `Có ${ids.length} cán bộ cùng tên "${teacher}"; hãy phân công giáo viên chủ nhiệm trên trang Lớp học.`,
          });
        }
        return { ...rest, schoolYear, homeroomTeacherId: ids.length === 1 ? ids[0] : null };
      },
    });
    const failed = new Set(errors.map((e) => e.row));
    const rows = parsed.rows.filter((r) => !failed.has(r.rowNumber));
    const existing = new Set(classes.map((c) => nameKey(c.name)));
    for (const { rowNumber, value } of rows) {
      if (existing.has(nameKey(value.name))) {
        errors.push({
          row: rowNumber,
          column: column('name').header,
          message: `Lớp ${value.name} đã có trong năm học ${schoolYear}.`,
        });
      }
      const { gradeFrom, gradeTo } = unit;
      if (gradeFrom !== null && gradeTo !== null && (value.grade < gradeFrom || value.grade > gradeTo)) {
        errors.push({
          row: rowNumber,
          column: column('grade').header,
          message: `Trường dạy khối ${gradeFrom}–${gradeTo}; khối ${value.grade} không thuộc trường.`,
        });
      }
    }
    errors.push(
      ...parsed.errors,
      ...duplicatesInFile(
        rows,
        (c) => nameKey(c.name),
        column('name'),
        (_, first) => `Tên lớp trùng với dòng ${first} trong tệp.`,
      ),
    );
    return { rows, errors };
  },

  async commitRow(ctx, unit, row) {
    await createClass(ctx, unit.id, row);
  },

  async commitRows(ctx, unit, rows, progress) {
    await writeInSlices(rows, progress, (values) => addClasses(ctx, unit.id, values));
  },

  async exportList(ctx, unitId) {
    const { classes } = await listClasses(ctx, { unitId });
    return {
      records: classes.map((c) => ({
        name: c.name,
        grade: c.grade,
        homeroomTeacher: c.homeroomTeacherName,
        room: c.room,
        studentCount: c.studentCount,
      })),
    };
  },
};
