import { describe, expect, it } from 'vitest';
import { gradebookTables } from '../../platform/db/tables/gradebook.ts';
import { peopleTables } from '../../platform/db/tables/people.ts';
import { CLASS_BOUND_TABLES, STUDENT_BOUND_TABLES, STUDENT_YEAR_TABLES } from './merge-writes.ts';

const tables = { ...peopleTables, ...gradebookTables } as Record<string, Record<string, unknown>>;
/** Tables whose rows a merger handles on their own (the class itself, its list, the rollover plan that stays). */
const HANDLED_ELSEWHERE = [
  'classes',
  'enrolments',
  'students',
  'staff',
  'rollover_plan_classes',
  'departments',
];

describe('sáp nhập mang theo mọi dữ liệu gắn với lớp và học sinh của năm hiện tại', () => {
  it('mọi bảng có unit_id và class_id đều nằm trong danh sách chuyển theo lớp', () => {
    const withClass = Object.entries(tables)
      .filter(([name, cols]) => 'unit_id' in cols && 'class_id' in cols && !HANDLED_ELSEWHERE.includes(name))
      .map(([name]) => name)
      .sort();
    expect(withClass).toEqual([...CLASS_BOUND_TABLES].sort());
  });
  it('mọi bảng có unit_id, student_id mà không gắn lớp đều chuyển theo học sinh', () => {
    const withStudent = Object.entries(tables)
      .filter(([, cols]) => 'unit_id' in cols && 'student_id' in cols && !('class_id' in cols))
      .filter(([name]) => !HANDLED_ELSEWHERE.includes(name))
      .map(([name]) => name)
      .sort();
    expect(withStudent).toEqual([...STUDENT_BOUND_TABLES, ...STUDENT_YEAR_TABLES].sort());
  });
});
