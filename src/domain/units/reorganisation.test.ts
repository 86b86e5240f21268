import { describe, expect, it } from 'vitest';
import {
  managingKind,
  mergeRefusal,
  moveRefusal,
  roleEndsWithMerger,
  type UnitShape,
} from './reorganisation.ts';

const school = (name: string, level: UnitShape['level'], from: number, to: number): UnitShape => ({
  name,
  category: 'school',
  kind: 'school',
  level,
  gradeFrom: from,
  gradeTo: to,
  status: 'active',
});
const office = (name: string, kind: 'province_office' | 'local_office'): UnitShape => ({
  name,
  category: 'office',
  kind,
  level: null,
  gradeFrom: null,
  gradeTo: null,
  status: 'active',
});

const primary = school('TH A', 'primary', 1, 5);
const primary2 = school('TH B', 'primary', 1, 5);
const lowerSecondary = school('THCS A', 'lower_secondary', 6, 9);
const lowerSecondary2 = school('THCS B', 'lower_secondary', 6, 9);
const primaryAndLower = school('TH&THCS', 'multi_level', 1, 9);
const lowerAndUpper = school('THCS&THPT', 'multi_level', 6, 12);
const upperSecondary = school('THPT', 'upper_secondary', 10, 12);
const gdtx = school('GDTX', 'continuing_ed', 6, 12);
const gdtx2 = school('GDTX 2', 'continuing_ed', 6, 12);
const preschool = school('MN', 'preschool', 0, 0);
const localOffice = office('Phòng A', 'local_office');
const localOffice2 = office('Phòng B', 'local_office');
const provinceOffice = office('Sở', 'province_office');

describe('sáp nhập: trường tiếp nhận phải cùng loại và dạy đủ các khối (TT 28/2020, TT 32/2020 Điều 2)', () => {
  it('trường cùng cấp học sáp nhập được', () => {
    expect(mergeRefusal(primary, primary2)).toBeNull();
    expect(mergeRefusal(lowerSecondary, lowerSecondary2)).toBeNull();
  });
  it('trường tiểu học không sáp nhập vào trường THCS (không dạy khối 1–5)', () => {
    expect(mergeRefusal(primary, lowerSecondary)).toMatch(/không dạy đủ các khối/);
  });
  it('trường THCS không sáp nhập vào trường tiểu học', () => {
    expect(mergeRefusal(lowerSecondary, primary)).toMatch(/không dạy đủ/);
  });
  it('trường tiểu học, THCS sáp nhập được vào trường TH&THCS dạy lớp 1–9', () => {
    expect(mergeRefusal(primary, primaryAndLower)).toBeNull();
    expect(mergeRefusal(lowerSecondary, primaryAndLower)).toBeNull();
  });
  it('trường tiểu học không vào trường THCS&THPT (lớp 6–12); THPT vào được', () => {
    expect(mergeRefusal(primary, lowerAndUpper)).not.toBeNull();
    expect(mergeRefusal(upperSecondary, lowerAndUpper)).toBeNull();
  });
  it('trường nhiều cấp không sáp nhập vào trường một cấp nhỏ hơn', () => {
    expect(mergeRefusal(primaryAndLower, lowerSecondary)).not.toBeNull();
  });
  it('trường phổ thông không sáp nhập vào trung tâm GDTX, dù khối trùng', () => {
    expect(mergeRefusal(lowerSecondary, gdtx)).toMatch(/GDTX/);
    expect(mergeRefusal(gdtx, lowerAndUpper)).toMatch(/GDTX/);
  });
  it('GDTX với GDTX, mầm non với mầm non', () => {
    expect(mergeRefusal(gdtx, gdtx2)).toBeNull();
    expect(mergeRefusal(preschool, { ...preschool, name: 'MN 2' })).toBeNull();
    expect(mergeRefusal(preschool, primary)).toMatch(/mầm non/);
  });
  it('trường không sáp nhập vào cơ quan quản lý; cơ quan không vào trường', () => {
    expect(mergeRefusal(primary, localOffice)).toMatch(/cơ quan quản lý/);
    expect(mergeRefusal(localOffice, primary)).toMatch(/trường học/);
  });
  it('Phòng vào Phòng được; Phòng không vào Sở', () => {
    expect(mergeRefusal(localOffice, localOffice2)).toBeNull();
    expect(mergeRefusal(localOffice, provinceOffice)).toMatch(/không cùng cấp/);
  });
  it('đơn vị đã sáp nhập không sáp nhập lần nữa, cũng không tiếp nhận', () => {
    const merged = { ...primary2, status: 'merged' as const };
    expect(mergeRefusal(merged, primary)).toMatch(/đã sáp nhập/);
    expect(mergeRefusal(primary, merged)).toMatch(/đã sáp nhập/);
  });
});

describe('chuyển đơn vị cấp trên: chỉ sang cơ quan đúng cấp quản lý', () => {
  it('trường mầm non, tiểu học, THCS thuộc Phòng (cấp xã)', () => {
    expect(managingKind(primary)).toBe('local_office');
    expect(managingKind(primaryAndLower)).toBe('local_office');
    expect(moveRefusal(lowerSecondary, localOffice2)).toBeNull();
    expect(moveRefusal(lowerSecondary, provinceOffice)).toMatch(/chỉ trực thuộc Phòng/);
  });
  it('trường có lớp 10 trở lên và trung tâm GDTX thuộc Sở', () => {
    expect(managingKind(lowerAndUpper)).toBe('province_office');
    expect(moveRefusal(upperSecondary, provinceOffice)).toBeNull();
    expect(moveRefusal(upperSecondary, localOffice)).toMatch(/chỉ trực thuộc Sở/);
    expect(moveRefusal(gdtx, localOffice)).not.toBeNull();
  });
  it('không chuyển trường về dưới một trường khác', () => {
    expect(moveRefusal(primary, primary2)).not.toBeNull();
  });
  it('Phòng chuyển sang Sở khác được, không chuyển về dưới Phòng', () => {
    expect(moveRefusal(localOffice, provinceOffice)).toBeNull();
    expect(moveRefusal(localOffice, localOffice2)).not.toBeNull();
  });
  it('đơn vị đã sáp nhập không chuyển được', () => {
    expect(moveRefusal({ ...primary, status: 'merged' }, localOffice)).toMatch(/đã sáp nhập/);
  });
});

describe('sáp nhập trường: Hiệu trưởng, Phó hiệu trưởng được bổ nhiệm cho một trường (TT 28/2020, TT 32/2020 Điều 11)', () => {
  it('vai trò Hiệu trưởng, Phó hiệu trưởng của trường bị sáp nhập kết thúc; giáo viên, nhân viên đi theo người', () => {
    expect(roleEndsWithMerger(primary, 'principal')).toBe(true);
    expect(roleEndsWithMerger(primary, 'vice_principal')).toBe(true);
    for (const role of ['teacher', 'staff', 'it_officer', 'department_head', 'guardian']) {
      expect(roleEndsWithMerger(primary, role), role).toBe(false);
    }
  });
  it('cơ quan quản lý sáp nhập: không vai trò nào tự kết thúc', () => {
    expect(roleEndsWithMerger(localOffice, 'principal')).toBe(false);
    expect(roleEndsWithMerger(localOffice, 'office_admin')).toBe(false);
  });
});
