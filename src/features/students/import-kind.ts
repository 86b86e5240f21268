import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import {
  DISABILITY_LABEL_VI,
  GUARDIAN_RELATIONSHIP_LABEL_VI,
  type ParsedStudentInput,
  studentInput,
} from '#contracts/students.ts';
import { ETHNICITIES, findEthnicity } from '../../domain/identity/index.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ImportColumn, ImportKind, RowError, ValidatedRow } from '../../platform/imports/kinds.ts';
import { GENDER_OPTIONS, optionsOf } from '../../platform/imports/options.ts';
import {
  columnNamed,
  duplicatesInFile,
  nameKey,
  parseRecords,
  writeInSlices,
} from '../../platform/imports/rows.ts';
import { classFullMessage } from '../classes/enrolments.ts';
import { listClasses } from '../classes/service.ts';
import { addStudents } from './add-many.ts';
import { holdersOf, provincePathOf, takenMoetStudentCodes } from './duplicates.ts';
import { listStudentsForExport } from './export.ts';
import { existingStudents, matchRows } from './import-match.ts';
import { addStudent } from './service.ts';
import { updateStudents } from './update-many.ts';

const columns: ImportColumn[] = [
  { key: 'fullName', header: 'Họ và tên', type: 'text', required: true, width: 28 },
  { key: 'birthDate', header: 'Ngày sinh', type: 'date', width: 14 },
  { key: 'gender', header: 'Giới tính', type: 'enum', options: GENDER_OPTIONS, width: 10 },
  {
    key: 'className',
    header: 'Lớp',
    type: 'text',
    width: 10,
    note: 'Tên lớp đã có trong năm học hiện tại, ví dụ 6A1; để trống nếu chưa xếp lớp',
  },
  { key: 'moetStudentCode', header: 'Mã định danh học sinh', type: 'text', width: 18 },
  { key: 'registrationNumber', header: 'Số đăng bộ', type: 'text', width: 12 },
  { key: 'birthPlace', header: 'Nơi sinh', type: 'text', width: 28 },
  {
    key: 'nationalId',
    header: 'Số định danh cá nhân',
    type: 'text',
    width: 16,
    sensitive: true,
    note: 'Số CCCD / định danh cá nhân, 12 chữ số (giữ số 0 ở đầu)',
  },
  {
    key: 'ethnicity',
    header: 'Dân tộc',
    type: 'enum',
    sensitive: true,
    options: ETHNICITIES.map((e) => ({ value: e.key, label: e.name })),
    match: (text) => findEthnicity(text)?.key,
  },
  { key: 'address', header: 'Địa chỉ', type: 'text', width: 36, sensitive: true },
  {
    key: 'disability',
    header: 'Khuyết tật',
    type: 'enum',
    sensitive: true,
    options: optionsOf(DISABILITY_LABEL_VI),
  },
  { key: 'poorHousehold', header: 'Hộ nghèo', type: 'boolean', sensitive: true, width: 10 },
  { key: 'nearPoorHousehold', header: 'Hộ cận nghèo', type: 'boolean', sensitive: true, width: 12 },
  {
    key: 'status',
    header: 'Trạng thái',
    type: 'enum',
    options: [
      { value: 'enrolled', label: 'Đang học' },
      { value: 'transferred_in', label: 'Chuyển đến' },
    ],
    note: 'Đang học (mới vào) hoặc Chuyển đến; để trống là Đang học',
  },
  { key: 'statusSince', header: 'Ngày vào trường', type: 'date', width: 14, note: 'Để trống là hôm nay' },
  { key: 'guardianName', header: 'Họ tên cha/mẹ/người giám hộ', type: 'text', width: 28 },
  {
    key: 'guardianRelationship',
    header: 'Quan hệ',
    type: 'enum',
    options: optionsOf(GUARDIAN_RELATIONSHIP_LABEL_VI),
    width: 14,
  },
  { key: 'guardianPhone', header: 'Điện thoại cha/mẹ', type: 'text', width: 14 },
  { key: 'guardianOccupation', header: 'Nghề nghiệp cha/mẹ', type: 'text', width: 18 },
];

const GUARDIAN_COLUMNS: Record<string, string> = {
  fullName: 'guardianName',
  relationship: 'guardianRelationship',
  phone: 'guardianPhone',
  occupation: 'guardianOccupation',
};

const column = (key: string) => columnNamed(columns, key);

/** Học sinh of a school, enrolled into the named class of the current school year by createStudent (audited). */
export const studentsImportKind: ImportKind<ParsedStudentInput> = {
  kind: 'students',
  label: 'Học sinh',
  sheetName: 'Học sinh',
  // The largest schools have about 4,000 students; a bigger sheet is a wrong file, not a bigger school.
  maxRows: 5_000,
  fileStem: 'hoc-sinh',
  columns,
  instructions: [
    'Lớp phải có sẵn trong năm học hiện tại (nhập danh sách lớp trước).',
    'Số định danh cá nhân và mã định danh học sinh không được trùng trong tệp hoặc với học sinh đã có trong tỉnh.',
    'Cha/mẹ/người giám hộ: nếu ghi họ tên thì chọn cả quan hệ.',
    'Cập nhật (chọn "Thêm mới và cập nhật" khi nhập): dòng có mã định danh học sinh, số định danh cá nhân, hoặc họ tên và ngày sinh của một học sinh trong lớp đã có sẽ sửa hồ sơ đó; ô để trống xoá thông tin đó. Tệp xuất từ hệ thống nhập lại được ngay.',
  ],

  updates: true,

  async validate(ctx, unit, records, mode) {
    const { classes, schoolYear } = await listClasses(ctx, { unitId: unit.id });
    const classNames = new Set(classes.map((c) => nameKey(c.name)));
    // Students already in each class, then each row of the file in turn: the rows past the limit are refused.
    const seats = new Map(classes.map((c) => [nameKey(c.name), { name: c.name, taken: c.studentCount }]));
    const parsed = parseRecords(studentInput, records, columns, {
      toInput: ({ values }) => {
        const { guardianName, guardianRelationship, guardianPhone, guardianOccupation, ...student } = values;
        const hasGuardian =
          guardianName !== null ||
          guardianRelationship !== null ||
          guardianPhone !== null ||
          guardianOccupation !== null;
        return {
          ...student,
          guardians: hasGuardian
            ? [
                {
                  fullName: guardianName,
                  relationship: guardianRelationship,
                  phone: guardianPhone,
                  occupation: guardianOccupation,
                },
              ]
            : undefined,
        };
      },
      columnOf: (path) =>
        path[0] === 'guardians' ? (GUARDIAN_COLUMNS[String(path[2])] ?? 'guardianName') : String(path[0]),
    });
    const errors: RowError[] = [...parsed.errors];
    if (mode === 'upsert') {
      // Update mode: rows of students already in the school update them (import-match.ts).
      errors.push(
        ...matchRows(parsed.rows, records, await existingStudents(ctx.db, unit.id, schoolYear), {
          columns,
          sensitiveAllowed: can(ctx.actor, 'students.sensitive', unit),
        }),
      );
    }
    for (const row of parsed.rows) {
      const name = row.value.className;
      if (name && !classNames.has(nameKey(name))) {
        errors.push({
          row: row.rowNumber,
          column: column('className').header,
          message: `Không có lớp ${name} trong năm học ${schoolYear ?? 'hiện tại'} của trường.`,
        });
      }
      // A matched student takes a seat only when the row enrols them (they had no class).
      const enrols = !row.match || row.match.changes.some((c) => c.key === 'className');
      const seat = name && enrols ? seats.get(nameKey(name)) : undefined;
      if (seat && ++seat.taken > MAX_CLASS_STUDENTS) {
        errors.push({
          row: row.rowNumber,
          column: column('className').header,
          message: classFullMessage(seat.name),
        });
      }
    }
    errors.push(
      ...duplicatesInFile(
        parsed.rows,
        (s) => s.nationalId,
        column('nationalId'),
        (id, first) => `Số định danh ${id} trùng với dòng ${first} trong tệp.`,
      ),
      ...duplicatesInFile(
        parsed.rows,
        (s) => s.moetStudentCode?.toUpperCase(),
        column('moetStudentCode'),
        (code, first) => `Mã định danh học sinh ${code} trùng với dòng ${first} trong tệp.`,
      ),
      ...(await inDatabase(ctx, unit.path, parsed.rows)),
    );
    return { rows: parsed.rows, errors };
  },

  async commitRow(ctx, unit, row) {
    await addStudent(ctx, unit.id, row);
  },

  // Update mode: the changed students are updated first, then the new ones created; unchanged ones are not written.
  async commitRows(ctx, unit, rows, progress) {
    const updates = rows.filter((r) => r.match && r.match.changes.length > 0);
    const creates = rows.filter((r) => !r.match);
    const total = updates.length + creates.length;
    await writeInSlices(
      updates,
      progress,
      (_, slice) =>
        updateStudents(
          ctx,
          unit.id,
          slice.map((r) => ({ id: r.match?.id ?? '', value: r.value, changes: r.match?.changes ?? [] })),
        ),
      { done: 0, total },
    );
    await writeInSlices(creates, progress, (values) => addStudents(ctx, unit.id, values), {
      done: updates.length,
      total,
    });
  },

  async exportList(ctx, unitId) {
    const students = await listStudentsForExport(ctx, unitId);
    const sensitive = students.every((s) => s.sensitive !== null);
    return {
      records: students.map((s) => ({
        fullName: s.fullName,
        birthDate: s.birthDate,
        gender: s.gender,
        className: s.className,
        moetStudentCode: s.moetStudentCode,
        registrationNumber: s.registrationNumber,
        birthPlace: s.birthPlace,
        nationalId: s.sensitive?.national_id ?? null,
        ethnicity: s.sensitive?.ethnicity ?? null,
        address: s.sensitive?.address ?? null,
        disability: s.sensitive?.disability ?? null,
        poorHousehold: s.sensitive?.poor_household ?? null,
        nearPoorHousehold: s.sensitive?.near_poor_household ?? null,
        status: s.status,
        statusSince: s.statusSince,
        guardianName: s.guardian?.full_name ?? null,
        guardianRelationship: s.guardian?.relationship ?? null,
        guardianPhone: s.guardian?.phone ?? null,
        guardianOccupation: s.guardian?.occupation ?? null,
      })),
      omit: sensitive ? [] : columns.filter((c) => c.sensitive).map((c) => c.key),
    };
  },
};

/** Personal IDs already held by a student of the province, and sector codes already on any record. */
async function inDatabase(
  ctx: Parameters<ImportKind['validate']>[0],
  unitPath: string,
  rows: ValidatedRow<ParsedStudentInput>[],
): Promise<RowError[]> {
  const errors: RowError[] = [];
  const nationalIds = rows.flatMap((r) => (r.value.nationalId ? [r.value.nationalId] : []));
  const holders = await holdersOf(ctx.db, await provincePathOf(ctx.db, unitPath), nationalIds);
  // A number or code held by the very student a row updates is not a duplicate.
  const holdersOfId = new Map<string, typeof holders>();
  for (const h of holders)
    holdersOfId.set(h.national_id ?? '', [...(holdersOfId.get(h.national_id ?? '') ?? []), h]);
  const takenCodes = await takenMoetStudentCodes(
    ctx.db,
    rows.flatMap((r) => (r.value.moetStudentCode ? [r.value.moetStudentCode] : [])),
  );
  for (const { rowNumber, value, match } of rows) {
    const others = value.nationalId
      ? (holdersOfId.get(value.nationalId) ?? []).filter((h) => h.id !== match?.id)
      : [];
    const school = others[0]?.unit_name;
    if (school) {
      errors.push({
        row: rowNumber,
        column: column('nationalId').header,
        message: `Số định danh ${value.nationalId} đã có trong hồ sơ một học sinh của ${school}.`,
      });
    }
    const codeHolder = value.moetStudentCode ? takenCodes.get(value.moetStudentCode) : undefined;
    if (codeHolder && codeHolder !== match?.id) {
      errors.push({
        row: rowNumber,
        column: column('moetStudentCode').header,
        message: `Mã định danh học sinh ${value.moetStudentCode} đã có trong hồ sơ một học sinh khác.`,
      });
    }
  }
  return errors;
}
