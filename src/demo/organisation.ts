import type { SchoolLevel } from '../platform/db/schema.ts';
import { addUser, CALENDARS, DEMO_PROVINCE, type Generator, type UnitRef } from './context.ts';
import { addModelSchool } from './model-school.ts';
import type { Commune } from './people.ts';
import { addSchool } from './school.ts';
import { addQuotas, addStaff } from './staff.ts';
import type { StaffSpec } from './staffing.ts';
import { addUnit } from './units.ts';

const communes = (...names: string[]): Commune[] => names.map((name) => ({ name }));
const communeAt = (list: readonly Commune[], index: number): Commune => {
  const commune = list[index];
  if (!commune) throw new Error(`no commune ${index}`);
  return commune;
};

const BINH_MINH = communes(
  'phường Hữu Nghị',
  'phường Đồng Tiến',
  'phường Tân Thịnh',
  'phường Thái Bình',
  'xã Yên Mông',
  'xã Hòa Sơn',
);
const DONG_XANH = communes(
  'xã Tân Lập',
  'xã Đồng Tâm',
  'xã Phong Phú',
  'xã Thanh Hối',
  'xã Mường Khến',
  'xã Ngọc Lâu',
);

/** The other demo schools: [under, code, level, name, commune, classes per grade, class size]. */
type DemoSchool = [
  'province' | 'binhMinh' | 'dongXanh',
  string,
  SchoolLevel,
  string,
  Commune,
  number[],
  [number, number],
];
const DEMO_SCHOOLS: DemoSchool[] = [
  ['binhMinh', 'PGDDT-BM-02', 'preschool', 'Hoa Sen', communeAt(BINH_MINH, 0), [2, 2, 2], [22, 30]],
  ['binhMinh', 'PGDDT-BM-03', 'primary', 'Kim Đồng', communeAt(BINH_MINH, 1), [2, 2, 2, 2, 2], [30, 35]],
  [
    'binhMinh',
    'PGDDT-BM-04',
    'continuing_ed',
    'thành phố Bình Minh',
    communeAt(BINH_MINH, 1),
    [1, 1, 1],
    [25, 35],
  ],
  ['dongXanh', 'PGDDT-DX-01', 'preschool', 'Tân Lập', communeAt(DONG_XANH, 0), [1, 1, 1], [20, 28]],
  ['dongXanh', 'PGDDT-DX-02', 'primary', 'Tân Lập', communeAt(DONG_XANH, 0), [1, 1, 1, 1, 1], [25, 32]],
  ['dongXanh', 'PGDDT-DX-04', 'multi_level', 'Đồng Tâm', communeAt(DONG_XANH, 1), Array(9).fill(1), [20, 28]],
  [
    'dongXanh',
    'PGDDT-DX-05',
    'lower_secondary',
    'Nguyễn Trãi',
    communeAt(DONG_XANH, 2),
    [2, 2, 2, 2],
    [32, 40],
  ],
  [
    'province',
    'SGDDT-HBX-THPT01',
    'upper_secondary',
    'Chu Văn An',
    communeAt(BINH_MINH, 2),
    [3, 3, 3],
    [38, 45],
  ],
  [
    'province',
    'SGDDT-HBX-THPT02',
    'upper_secondary',
    'Hoàng Văn Thụ',
    communeAt(DONG_XANH, 0),
    [2, 2, 2],
    [36, 44],
  ],
];

const specialists = (n: number): StaffSpec[] => Array.from({ length: n }, () => ({ position: 'specialist' }));

export interface DemoProvince {
  province: UnitRef;
  /** Schools' students now attending, for progress and the summary. */
  attending: number;
  schools: number;
}

/**
 * The demo organisation: the ministry, the Sở of the fictional province of Hòa Bình Xanh with its calendar, two
 * local offices with schools of every level (the model lower-secondary school among them, and a primary school
 * merged into its neighbour in 2025) and two upper-secondary schools under the Sở — with one account per role.
 */
export function addDemoProvince(g: Generator): DemoProvince {
  const ministry = addUnit(g, {
    parent: null,
    kind: 'ministry',
    code: 'BGDDT',
    name: 'Bộ Giáo dục và Đào tạo',
    shortName: 'Bộ GD&ĐT',
    commune: { name: 'phường Hai Bà Trưng' },
    street: 'Số 35 Đại Cồ Việt',
  });
  addUser(g, {
    id: g.ids.next(),
    unitId: ministry.id,
    fullName: 'Quản trị hệ thống',
    phone: null,
    login: { username: 'admin', roles: ['system_admin'] },
  });
  const province = addUnit(g, {
    parent: ministry,
    kind: 'province_office',
    code: 'SGDDT-HBX',
    name: `Sở Giáo dục và Đào tạo tỉnh ${DEMO_PROVINCE} (dữ liệu mẫu)`,
    shortName: `Sở GD&ĐT ${DEMO_PROVINCE}`,
    commune: { name: 'phường Hữu Nghị' },
    communes: [...BINH_MINH, ...DONG_XANH],
    street: 'Số 1 đường Trần Hưng Đạo',
    email: 'sogddt@truongso-demo.edu.vn',
  });
  for (const calendar of CALENDARS)
    g.out.add('school_years', { id: g.ids.next(), unit_id: province.id, ...calendar });
  addOfficeStaff(g, province, [
    { position: 'office_head' },
    { position: 'office_deputy' },
    { position: 'office_deputy' },
    { position: 'specialist', login: { username: 'so.admin', roles: ['office_admin'] } },
    { position: 'specialist', login: { username: 'so.chuyenvien', roles: ['office_specialist'] } },
    ...specialists(4),
  ]);

  const binhMinh = addOffice(g, province, 'PGDDT-BM', 'thành phố Bình Minh', BINH_MINH);
  addOfficeStaff(g, binhMinh, [
    { position: 'office_head' },
    { position: 'office_deputy' },
    { position: 'specialist', login: { username: 'phong.chuyenvien', roles: ['office_specialist'] } },
    ...specialists(2),
  ]);
  const dongXanh = addOffice(g, province, 'PGDDT-DX', 'huyện Đồng Xanh', DONG_XANH);
  addOfficeStaff(g, dongXanh, [
    { position: 'office_head' },
    { position: 'office_deputy' },
    ...specialists(3),
  ]);

  const parents = { province, binhMinh, dongXanh };
  const results = [addModelSchool(g, binhMinh, 'PGDDT-BM-01')];
  for (const [under, code, level, name, commune, classesPerStep, classSize] of DEMO_SCHOOLS) {
    const parent = parents[under];
    results.push(
      addSchool(g, {
        parent,
        code,
        level,
        name,
        commune,
        communes: parent.communes,
        classesPerStep,
        classSize,
        logins: PRIMARY_LOGINS[code],
      }),
    );
  }
  const tanLap = results.find((r) => r.unit.code === 'PGDDT-DX-02');
  if (tanLap) addMergedSchool(g, dongXanh, tanLap.unit);
  return {
    province,
    attending: results.reduce((sum, r) => sum + r.attending, 0),
    schools: results.length + 1,
  };
}

/** The primary school whose principal and class teacher have demo logins (TT27 end to end). */
const PRIMARY_LOGINS: Readonly<Record<string, { principal: string; teacher: string }>> = {
  'PGDDT-BM-03': { principal: 'hieutruong.tieuhoc', teacher: 'giaovien.tieuhoc' },
};

export function addOffice(
  g: Generator,
  province: UnitRef,
  code: string,
  area: string,
  areaCommunes: Commune[],
): UnitRef {
  return addUnit(g, {
    parent: province,
    kind: 'local_office',
    code,
    name: `Phòng Giáo dục và Đào tạo ${area}`,
    shortName: `Phòng GD&ĐT ${area}`,
    district: area,
    commune: communeAt(areaCommunes, 0),
    communes: areaCommunes,
  });
}

export function addOfficeStaff(g: Generator, office: UnitRef, plan: StaffSpec[]): void {
  addStaff(g, office, plan);
  addQuotas(g, office, plan);
}

/** Tân Lập B primary school, merged into Tân Lập on 1 August 2025: kept for past years' reports. */
function addMergedSchool(g: Generator, office: UnitRef, into: UnitRef): void {
  addUnit(g, {
    parent: office,
    kind: 'school',
    code: 'PGDDT-DX-03',
    name: 'Trường Tiểu học Tân Lập B',
    shortName: 'TH Tân Lập B',
    level: 'primary',
    commune: into.commune,
    status: 'merged',
    mergedInto: into,
  });
}
