import type { StudentPreset } from './classes.ts';
import { addUser, type Generator, type UnitRef } from './context.ts';
import { mobilePhone } from './people.ts';
import { addSchool, type SchoolResult } from './school.ts';
import { OFFICE_DEPARTMENT, type StaffSpec } from './staffing.ts';
import type { Family } from './students.ts';

const NATURAL = 'Tổ Khoa học tự nhiên';
const SOCIAL = 'Tổ Khoa học xã hội';

const teachers = (mainSubject: string, n: number, department: string): StaffSpec[] =>
  Array.from({ length: n }, () => ({ position: 'teacher', mainSubject, department }));

/**
 * A typical lower-secondary school (THCS) of 15 classes: 31 staff — the leadership, 22 teachers and 6 support
 * staff — in three departments. Teachers are listed in homeroom order: the first (the `giaovien` account) has 6A1.
 */
const MODEL_STAFF: StaffSpec[] = [
  {
    position: 'principal',
    mainSubject: 'math',
    department: NATURAL,
    login: { username: 'hieutruong', roles: ['principal'] },
  },
  {
    position: 'vice_principal',
    mainSubject: 'literature',
    department: SOCIAL,
    login: { username: 'phohieutruong', roles: ['vice_principal'] },
  },
  { position: 'vice_principal', mainSubject: 'natural-science', department: NATURAL },
  {
    position: 'teacher',
    mainSubject: 'literature',
    department: SOCIAL,
    login: { username: 'giaovien', roles: ['teacher'] },
  },
  ...teachers('literature', 3, SOCIAL),
  {
    position: 'teacher',
    mainSubject: 'math',
    department: NATURAL,
    login: { username: 'totruong', roles: ['department_head', 'teacher'] },
  },
  ...teachers('math', 3, NATURAL),
  ...teachers('foreign-language-1', 3, SOCIAL),
  ...teachers('natural-science', 4, NATURAL),
  ...teachers('history-geography', 2, SOCIAL),
  ...teachers('civic-education', 1, SOCIAL),
  // No informatics teacher: the technology teacher looks after IT, as in many schools short of one.
  {
    position: 'teacher',
    mainSubject: 'technology',
    department: NATURAL,
    login: { username: 'cntt', roles: ['it_officer', 'teacher'] },
  },
  ...teachers('physical-education', 2, NATURAL),
  ...teachers('arts-fine-arts', 1, SOCIAL),
  { position: 'staff', staffRole: 'accountant', department: OFFICE_DEPARTMENT },
  {
    position: 'staff',
    staffRole: 'clerk',
    department: OFFICE_DEPARTMENT,
    login: { username: 'nhanvien', roles: ['staff'] },
  },
  { position: 'staff', staffRole: 'librarian', department: OFFICE_DEPARTMENT },
  { position: 'staff', staffRole: 'equipment', department: OFFICE_DEPARTMENT },
  { position: 'staff', staffRole: 'medical', department: OFFICE_DEPARTMENT },
  { position: 'staff', staffRole: 'security', department: OFFICE_DEPARTMENT },
];

/**
 * The staffing table set by the office: short of an informatics and a music teacher and a security guard, one
 * English teacher over quota — the gaps a principal reports at the start of the year.
 */
const MODEL_QUOTAS = new Map([
  ['leadership', 3],
  ['teacher:literature', 4],
  ['teacher:math', 4],
  ['teacher:foreign-language-1', 2],
  ['teacher:natural-science', 4],
  ['teacher:history-geography', 2],
  ['teacher:civic-education', 1],
  ['teacher:technology', 1],
  ['teacher:informatics', 1],
  ['teacher:physical-education', 2],
  ['teacher:arts-music', 1],
  ['teacher:arts-fine-arts', 1],
  ['support:accountant', 1],
  ['support:clerk', 1],
  ['support:librarian', 1],
  ['support:equipment', 1],
  ['support:medical', 1],
  ['support:security', 2],
]);

const MODEL_SCHOOL_NAME = 'Lê Quý Đôn';

/**
 * The model school, with the demo family: a mother (`phuhuynh`) of two children, in 6A1 and 8A2; the older
 * child has the `hocsinh` account.
 */
export function addModelSchool(g: Generator, parent: UnitRef, code: string): SchoolResult {
  const guardianUserId = g.ids.next();
  const studentUserId = g.ids.next();
  const family: Family = {
    ethnicity: 'kinh',
    familyName: 'Nguyễn',
    father: { fullName: 'Nguyễn Văn Hùng', phone: mobilePhone(g.rng) },
    mother: { fullName: 'Trần Thị Thu Hà', phone: mobilePhone(g.rng), userId: guardianUserId },
  };
  const presets = new Map<string, StudentPreset>([
    ['6A1#0', { family, child: { gender: 'female', givenNames: 'Minh Anh' } }],
    ['8A2#0', { family, child: { gender: 'male', givenNames: 'Đức Bảo' }, userId: studentUserId }],
  ]);
  const school = addSchool(g, {
    parent,
    code,
    level: 'lower_secondary',
    name: MODEL_SCHOOL_NAME,
    commune: parent.commune,
    communes: parent.communes,
    classesPerStep: [4, 4, 4, 3],
    classSize: [35, 45],
    staff: MODEL_STAFF,
    quotas: MODEL_QUOTAS,
    presets,
  });
  const mother = family.mother as NonNullable<Family['mother']>;
  const schoolId = school.unit.id;
  addUser(g, {
    id: guardianUserId,
    unitId: schoolId,
    fullName: mother.fullName,
    phone: mother.phone,
    login: { username: 'phuhuynh', roles: ['guardian'] },
  });
  addUser(g, {
    id: studentUserId,
    unitId: schoolId,
    fullName: 'Nguyễn Đức Bảo',
    phone: null,
    login: { username: 'hocsinh', roles: ['student'] },
  });
  return school;
}
