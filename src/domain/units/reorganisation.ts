/**
 * Which unit may be merged into which, and under which office a unit may be moved.
 *
 * Our reading of the rules (the texts we could not retrieve word for word are marked as our reading):
 * - A merger (sáp nhập) joins institutions of the same type. A school's type is fixed by the levels it teaches:
 *   Điều lệ trường tiểu học (TT 28/2020) and Điều lệ trường THCS, THPT và trường phổ thông có nhiều cấp học
 *   (TT 32/2020, Điều 2) define a school by its grades, and the conditions for merging, dividing and splitting
 *   schools (NĐ 125/2024/NĐ-CP; before it NĐ 46/2017) require the resulting school to meet the conditions of its
 *   own type. So the receiving school must teach every grade of the merged one: a primary school merges into a
 *   primary school or a multi-level school teaching grades 1–5, never into a THCS.
 * - A GDTX centre (Luật Giáo dục 2019 Điều 44) and a preschool are separate types: each merges only with its own
 *   type; a general school never merges into a GDTX centre, an office or the ministry.
 * - Offices merge only with offices of the same tier (Phòng into Phòng, Sở into Sở), as in the 2025 reform.
 * - Management tier (our reading of the phân cấp quản lý, NĐ 127/2018 as amended, NĐ 142/2025): schools teaching
 *   grade 10 or above and GDTX centres are managed by the Sở; preschools, primary and lower secondary schools by the
 *   local office (Phòng / commune). A local office sits under a Sở, a Sở under the ministry.
 */

export type UnitCategory = 'ministry' | 'office' | 'school';
export type SchoolLevelCode =
  | 'preschool'
  | 'primary'
  | 'lower_secondary'
  | 'upper_secondary'
  | 'multi_level'
  | 'continuing_ed';

export interface UnitShape {
  name: string;
  category: UnitCategory;
  /** unit_kinds.code: 'ministry' | 'province_office' | 'local_office' | 'school'. */
  kind: string;
  level: SchoolLevelCode | null;
  gradeFrom: number | null;
  gradeTo: number | null;
  status: 'active' | 'merged' | 'closed';
}

/** Separate types of institution that merge only among themselves. */
const OWN_TYPE_ONLY: readonly SchoolLevelCode[] = ['preschool', 'continuing_ed'];

/** The first grade of upper secondary: schools teaching it are the Sở's. */
const FIRST_PROVINCE_GRADE = 10;

function inactive(unit: UnitShape): string | null {
  return unit.status === 'active' ? null : `${unit.name} đã sáp nhập hoặc giải thể, không thay đổi được nữa.`;
}

/** Why `source` may not be merged into `target`, or null when it may. */
export function mergeRefusal(source: UnitShape, target: UnitShape): string | null {
  const stopped = inactive(source) ?? inactive(target);
  if (stopped) return stopped;
  if (source.category === 'ministry' || target.category === 'ministry') {
    return 'Bộ Giáo dục và Đào tạo không sáp nhập được.';
  }
  if (source.category !== target.category) {
    return source.category === 'school'
      ? `Trường chỉ sáp nhập được vào một trường; ${target.name} là cơ quan quản lý.`
      : `Cơ quan quản lý chỉ sáp nhập được vào cơ quan quản lý; ${target.name} là trường học.`;
  }
  if (source.category === 'office') {
    return source.kind === target.kind
      ? null
      : `${source.name} và ${target.name} không cùng cấp quản lý (Sở chỉ sáp nhập vào Sở, Phòng vào Phòng).`;
  }
  return schoolMergeRefusal(source, target);
}

function schoolMergeRefusal(source: UnitShape, target: UnitShape): string | null {
  const ownType = [source.level, target.level].find((l) => l && OWN_TYPE_ONLY.includes(l));
  if (ownType && source.level !== target.level) {
    return ownType === 'continuing_ed'
      ? 'Trung tâm GDTX chỉ sáp nhập với trung tâm GDTX; trường phổ thông không sáp nhập vào trung tâm GDTX.'
      : 'Trường mầm non chỉ sáp nhập với trường mầm non.';
  }
  if (source.level === target.level && ownType) return null;
  const covers =
    source.gradeFrom !== null &&
    source.gradeTo !== null &&
    target.gradeFrom !== null &&
    target.gradeTo !== null &&
    target.gradeFrom <= source.gradeFrom &&
    target.gradeTo >= source.gradeTo;
  if (covers) return null;
  return (
    `${target.name} (lớp ${target.gradeFrom ?? '?'}–${target.gradeTo ?? '?'}) không dạy đủ các khối của ` +
    `${source.name} (lớp ${source.gradeFrom ?? '?'}–${source.gradeTo ?? '?'}); trường tiếp nhận phải cùng cấp học ` +
    'hoặc là trường nhiều cấp học có các khối đó.'
  );
}

/** The office kind that manages a unit: where it may be moved to. */
export function managingKind(unit: UnitShape): 'ministry' | 'province_office' | 'local_office' | null {
  if (unit.category === 'ministry') return null;
  if (unit.category === 'office') return unit.kind === 'province_office' ? 'ministry' : 'province_office';
  if (unit.level === 'continuing_ed') return 'province_office';
  return (unit.gradeTo ?? 0) >= FIRST_PROVINCE_GRADE ? 'province_office' : 'local_office';
}

const KIND_NAME: Record<string, string> = {
  ministry: 'Bộ Giáo dục và Đào tạo',
  province_office: 'Sở Giáo dục và Đào tạo',
  local_office: 'Phòng Giáo dục và Đào tạo (cấp xã)',
};

/** Why `unit` may not be moved under `parent`, or null when it may. */
export function moveRefusal(unit: UnitShape, parent: UnitShape): string | null {
  const stopped = inactive(unit) ?? inactive(parent);
  if (stopped) return stopped;
  const wanted = managingKind(unit);
  if (!wanted) return 'Bộ Giáo dục và Đào tạo không chuyển được.';
  if (parent.kind === wanted) return null;
  return `${unit.name} chỉ trực thuộc ${KIND_NAME[wanted]}; ${parent.name} không phải đơn vị quản lý phù hợp.`;
}

/**
 * The roles a school's merger ends rather than carries: its principal and deputy principals. Hiệu trưởng and phó
 * hiệu trưởng are appointed to one school, for a term, by the competent authority (Điều lệ trường tiểu học, TT
 * 28/2020 Điều 11; Điều lệ trường THCS, THPT, TT 32/2020 Điều 11). The receiving school keeps its own leaders; who
 * of the merged school's leaders leads there afterwards is a separate appointment, so they do not become a second
 * principal of the receiving school by the merger itself — unless the merger's decision keeps them (our reading of
 * how an office handles it). Other roles (teacher, staff, IT officer) follow the person to the receiving school.
 */
export const ROLES_ENDED_BY_MERGER: readonly string[] = ['principal', 'vice_principal'];

/** Whether a role held on `source` ends when it is merged (a school's leadership; see ROLES_ENDED_BY_MERGER). */
export function roleEndsWithMerger(source: Pick<UnitShape, 'category'>, role: string): boolean {
  return source.category === 'school' && ROLES_ENDED_BY_MERGER.includes(role);
}
