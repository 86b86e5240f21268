import type { SchoolLevel } from '../platform/db/schema.ts';
import type { Generator, UnitRef } from './context.ts';
import { addOffice, addOfficeStaff } from './organisation.ts';
import type { Commune } from './people.ts';
import { weighted } from './random.ts';
import { addSchool } from './school.ts';

const FIRST = [
  'Tân',
  'Phú',
  'Hòa',
  'An',
  'Bình',
  'Đồng',
  'Thanh',
  'Xuân',
  'Minh',
  'Hưng',
  'Lạc',
  'Yên',
  'Quảng',
];
const SECOND = [
  'Lập',
  'Sơn',
  'Thành',
  'Tiến',
  'Phong',
  'Thịnh',
  'Long',
  'Lợi',
  'Mỹ',
  'Hải',
  'Tâm',
  'Nghĩa',
  'Thuận',
];
const SECOND_MORE = [
  'Vinh',
  'Khánh',
  'Trung',
  'Hiệp',
  'Quang',
  'Đức',
  'Kim',
  'Ninh',
  'Lộc',
  'Dương',
  'Cường',
];
const PLACE_FIRST = [...FIRST, 'Vĩnh', 'Trung', 'Phúc', 'Hợp', 'Kim', 'Ngọc', 'Hồng', 'Đông', 'Nam', 'Bắc'];

/** Every two-word place name of the generator, in a fixed order (about 700, enough for a large province). */
const PLACE_NAMES = PLACE_FIRST.flatMap((a) =>
  [...SECOND, ...SECOND_MORE].filter((b) => b !== a).map((b) => `${a} ${b}`),
);

/** Shares of the generated schools and their size: ~500 students each, classes of ~35 (primary) to ~42. */
const LEVELS = weighted<SchoolLevel>([
  ['primary', 50],
  ['lower_secondary', 33],
  ['upper_secondary', 17],
]);
const CLASS_SIZE: Record<string, readonly [number, number]> = {
  primary: [30, 38],
  lower_secondary: [36, 44],
  upper_secondary: [38, 45],
};
const GRADE_COUNT: Record<string, number> = { primary: 5, lower_secondary: 4, upper_secondary: 3 };

export interface ProvinceProgress {
  attending: number;
  target: number;
  schools: number;
}

/**
 * Scales the demo province up: adds local offices and schools until about `students` more students attend —
 * ~500 per school over primary and lower-secondary schools (under the offices, about 60 each) and
 * upper-secondary schools (under the Sở). Rows are handed to the batcher school by school.
 */
export async function addProvinceSchools(
  g: Generator,
  province: UnitRef,
  students: number,
  onSchool: (progress: ProvinceProgress) => void,
): Promise<ProvinceProgress> {
  const progress = { attending: 0, target: students, schools: 0 };
  if (students <= 0) return progress;
  const offices = makeOffices(g, province, Math.max(2, Math.round(students / 500 / 60)));
  const used = new Map<string, number>();
  while (progress.attending < students) {
    const level = g.rng.pickWeighted(LEVELS);
    const upper = level === 'upper_secondary';
    const parent = upper ? province : (offices[progress.schools % offices.length] as UnitRef);
    const commune = g.rng.pick(parent.communes);
    const size = g.rng.int(300, 700);
    const classSize = CLASS_SIZE[level] as readonly [number, number];
    const perStep = Math.max(
      1,
      Math.round(size / (GRADE_COUNT[level] ?? 1) / ((classSize[0] + classSize[1]) / 2)),
    );
    const place = commune.name.replace(/^(xã|phường) /, '');
    const n = (used.get(`${level}:${place}`) ?? 0) + 1;
    used.set(`${level}:${place}`, n);
    const result = addSchool(g, {
      parent,
      code: `${upper ? 'SGDDT-HBX-THPT' : parent.code}-${String(progress.schools + 1).padStart(4, '0')}`,
      level,
      name: n === 1 ? place : `${place} số ${n}`,
      commune,
      communes: parent.communes,
      classesPerStep: Array(GRADE_COUNT[level]).fill(perStep),
      classSize,
    });
    progress.attending += result.attending;
    progress.schools++;
    await g.out.checkpoint();
    onSchool(progress);
  }
  return progress;
}

function makeOffices(g: Generator, province: UnitRef, count: number): UnitRef[] {
  const names = [...PLACE_NAMES];
  const take = () => names.splice(g.rng.int(0, names.length - 1), 1)[0] ?? 'Mới';
  return Array.from({ length: count }, (_, i) => {
    const code = `PGDDT-K${String(i + 1).padStart(2, '0')}`;
    const areaCommunes: Commune[] = Array.from({ length: 12 }, (_, k) => ({
      name: `${k < 2 ? 'phường' : 'xã'} ${take()}`,
    }));
    const office = addOffice(g, province, code, `huyện ${take()}`, areaCommunes);
    addOfficeStaff(g, office, [
      { position: 'office_head' },
      { position: 'office_deputy' },
      { position: 'specialist' },
    ]);
    return office;
  });
}
