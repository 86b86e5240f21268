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

  const results = [addModelSchool(g, binhMinh, 'PGDDT-BM-01')];
  const school = (
    parent: UnitRef,
    code: string,
    spec: Omit<Parameters<typeof addSchool>[1], 'parent' | 'code' | 'communes'>,
  ) => addSchool(g, { parent, code, communes: parent.communes, ...spec });
  const [hoaSen, kimDong, tanLap] = [
    communeAt(BINH_MINH, 0),
    communeAt(BINH_MINH, 1),
    communeAt(DONG_XANH, 0),
  ];
  results.push(
    school(binhMinh, 'PGDDT-BM-02', {
      level: 'preschool',
      name: 'Hoa Sen',
      commune: hoaSen,
      classesPerStep: [2, 2, 2],
      classSize: [22, 30],
    }),
    school(binhMinh, 'PGDDT-BM-03', {
      level: 'primary',
      name: 'Kim Đồng',
      commune: kimDong,
      classesPerStep: [2, 2, 2, 2, 2],
      classSize: [30, 35],
    }),
    school(binhMinh, 'PGDDT-BM-04', {
      level: 'continuing_ed',
      name: 'thành phố Bình Minh',
      commune: kimDong,
      classesPerStep: [1, 1, 1],
      classSize: [25, 35],
    }),
    school(dongXanh, 'PGDDT-DX-01', {
      level: 'preschool',
      name: 'Tân Lập',
      commune: tanLap,
      classesPerStep: [1, 1, 1],
      classSize: [20, 28],
    }),
  );
  const tanLapPrimary = school(dongXanh, 'PGDDT-DX-02', {
    level: 'primary',
    name: 'Tân Lập',
    commune: tanLap,
    classesPerStep: [1, 1, 1, 1, 1],
    classSize: [25, 32],
  });
  addMergedSchool(g, dongXanh, tanLapPrimary.unit);
  results.push(
    tanLapPrimary,
    school(dongXanh, 'PGDDT-DX-04', {
      level: 'multi_level',
      name: 'Đồng Tâm',
      commune: communeAt(DONG_XANH, 1),
      classesPerStep: Array(9).fill(1),
      classSize: [20, 28],
    }),
    school(dongXanh, 'PGDDT-DX-05', {
      level: 'lower_secondary',
      name: 'Nguyễn Trãi',
      commune: communeAt(DONG_XANH, 2),
      classesPerStep: [2, 2, 2, 2],
      classSize: [32, 40],
    }),
    school(province, 'SGDDT-HBX-THPT01', {
      level: 'upper_secondary',
      name: 'Chu Văn An',
      commune: communeAt(BINH_MINH, 2),
      classesPerStep: [3, 3, 3],
      classSize: [38, 45],
    }),
    school(province, 'SGDDT-HBX-THPT02', {
      level: 'upper_secondary',
      name: 'Hoàng Văn Thụ',
      commune: communeAt(DONG_XANH, 0),
      classesPerStep: [2, 2, 2],
      classSize: [36, 44],
    }),
  );
  return {
    province,
    attending: results.reduce((sum, r) => sum + r.attending, 0),
    schools: results.length + 1,
  };
}

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
