import {
  EMPLOYMENT_STATUS_LABEL_VI,
  POSITION_LABEL_VI,
  QUALIFICATION_LABEL_VI,
  STAFF_ROLE_LABEL_VI,
  type StaffInput,
  staffInput,
} from '#contracts/staff.ts';
import { SUBJECTS } from '../../domain/curriculum/index.ts';
import type { ImportColumn, ImportKind, RowError } from '../../platform/imports/kinds.ts';
import { GENDER_OPTIONS, optionsOf } from '../../platform/imports/options.ts';
import {
  columnNamed,
  duplicatesInFile,
  nameKey,
  parseRecords,
  writeInSlices,
} from '../../platform/imports/rows.ts';
import { listDepartments } from '../departments/service.ts';
import { provincePathOf } from '../students/duplicates.ts';
import { addStaff } from './add-many.ts';
import { staffWithNationalIds } from './queries.ts';
import { createStaff, listStaffForExport } from './service.ts';

const columns: ImportColumn[] = [
  { key: 'fullName', header: 'Họ và tên', type: 'text', required: true, width: 28 },
  { key: 'birthDate', header: 'Ngày sinh', type: 'date', width: 14 },
  { key: 'gender', header: 'Giới tính', type: 'enum', options: GENDER_OPTIONS, width: 10 },
  {
    key: 'nationalId',
    header: 'Số CCCD',
    type: 'text',
    width: 16,
    note: 'Số định danh cá nhân, 12 chữ số (giữ số 0 ở đầu)',
  },
  { key: 'phone', header: 'Điện thoại', type: 'text', width: 14 },
  { key: 'email', header: 'E-mail', type: 'text', width: 26 },
  {
    key: 'position',
    header: 'Chức vụ',
    type: 'enum',
    required: true,
    options: optionsOf(POSITION_LABEL_VI),
    width: 18,
  },
  { key: 'staffRole', header: 'Vị trí việc làm', type: 'enum', options: optionsOf(STAFF_ROLE_LABEL_VI) },
  { key: 'qualification', header: 'Trình độ', type: 'enum', options: optionsOf(QUALIFICATION_LABEL_VI) },
  {
    key: 'mainSubject',
    header: 'Môn dạy chính',
    type: 'enum',
    options: SUBJECTS.map((s) => ({ value: s.code, label: s.name })),
    width: 22,
  },
  {
    key: 'department',
    header: 'Tổ chuyên môn',
    type: 'text',
    width: 22,
    note: 'Tên tổ chuyên môn đã tạo trong hệ thống, ví dụ Tổ Toán - Tin',
  },
  {
    key: 'employmentStatus',
    header: 'Tình trạng công tác',
    type: 'enum',
    options: optionsOf(EMPLOYMENT_STATUS_LABEL_VI),
    note: 'Để trống là Biên chế',
  },
  { key: 'startDate', header: 'Ngày bắt đầu công tác', type: 'date', width: 14 },
];

const nationalIdColumn = columnNamed(columns, 'nationalId');
const departmentColumn = columnNamed(columns, 'department');

/** Cán bộ, giáo viên, nhân viên of a unit: written by the staff feature's createStaff (audited). */
export const staffImportKind: ImportKind<StaffInput> = {
  kind: 'staff',
  label: 'Cán bộ, giáo viên, nhân viên',
  sheetName: 'Cán bộ',
  // The largest schools (inter-level, ~4,000 students) have under 300 staff; a province list goes school by school.
  maxRows: 2_000,
  fileStem: 'can-bo-giao-vien',
  columns,
  instructions: [
    'Số CCCD không được trùng trong tệp hoặc với hồ sơ cán bộ đã có trong tỉnh.',
    'Tổ chuyên môn phải có sẵn trong hệ thống (trang Tổ chuyên môn).',
  ],

  async validate(ctx, unit, records) {
    const departments = await listDepartments(ctx, unit.id);
    const departmentIds = new Map(departments.map((d) => [nameKey(d.name), d.id]));
    const errors: RowError[] = [];
    const parsed = parseRecords(staffInput, records, columns, {
      toInput: (record) => {
        const { department, ...values } = record.values;
        if (typeof department !== 'string') return values;
        const departmentId = departmentIds.get(nameKey(department));
        if (!departmentId) {
          errors.push({
            row: record.rowNumber,
            column: departmentColumn.header,
            message: `Không có tổ chuyên môn "${department}" trong đơn vị.`,
          });
        }
        return { ...values, departmentId };
      },
      columnOf: (path) => (path[0] === 'departmentId' ? 'department' : String(path[0])),
    });
    const failed = new Set(errors.map((e) => e.row));
    const rows = parsed.rows.filter((r) => !failed.has(r.rowNumber));
    errors.push(
      ...parsed.errors,
      ...duplicatesInFile(
        rows,
        (s) => s.nationalId,
        nationalIdColumn,
        (id, first) => `Số CCCD ${id} trùng với dòng ${first} trong tệp.`,
      ),
    );
    const ids = rows.flatMap((r) => (r.value.nationalId ? [r.value.nationalId] : []));
    const holders = await staffWithNationalIds(ctx.db, await provincePathOf(ctx.db, unit.path), ids);
    const holderOf = new Map(holders.map((h) => [h.national_id, h.unit_name]));
    for (const row of rows) {
      const elsewhere = row.value.nationalId ? holderOf.get(row.value.nationalId) : undefined;
      if (elsewhere) {
        errors.push({
          row: row.rowNumber,
          column: nationalIdColumn.header,
          message: `Số CCCD ${row.value.nationalId} đã có trong hồ sơ cán bộ của ${elsewhere}.`,
        });
      }
    }
    return { rows, errors };
  },

  async commitRow(ctx, unit, row) {
    await createStaff(ctx, unit.id, row);
  },

  async commitRows(ctx, unit, rows, progress) {
    await writeInSlices(rows, progress, (values) => addStaff(ctx, unit.id, values));
  },

  async exportList(ctx, unitId) {
    const staff = await listStaffForExport(ctx, unitId);
    const hidden = staff.some((s) => !s.personalDataVisible);
    return {
      records: staff.map((s) => ({
        fullName: s.fullName,
        birthDate: s.birthDate,
        gender: s.gender,
        nationalId: s.nationalId,
        phone: s.phone,
        email: s.email,
        position: s.position,
        staffRole: s.staffRole,
        qualification: s.qualification,
        mainSubject: s.mainSubject,
        department: s.departmentName,
        employmentStatus: s.employmentStatus,
        startDate: s.startDate,
      })),
      // Birth date and national ID are personal data: left out when the reader may not see them all.
      omit: hidden ? ['birthDate', 'nationalId'] : [],
    };
  },
};
