import { STAFF_ROLE_LABEL_VI, STAFF_ROLES, type StaffRole } from '#contracts/staff.ts';
import type { StaffingSection } from '#contracts/staffing.ts';
import { SUBJECTS, subjectByCode } from '#domain/curriculum/index.ts';

/**
 * Staffing groups, the rows of the staffing table (bảng biên chế): leadership (principal and vice principals, or
 * an office's head and deputies), teachers per main subject ('teacher:general' for those without one, as in
 * preschool and primary homeroom teaching), support staff per staff role, and an office's specialists. The server
 * assigns staff to groups (src/features/staffing/groups.ts); the web names and lists them with the same rules.
 */
export const GENERAL_TEACHING = 'general';

export function sectionOf(group: string): StaffingSection {
  if (group === 'leadership') return 'leadership';
  if (group === 'specialist') return 'specialists';
  return group.startsWith('teacher:') ? 'teachers' : 'support';
}

export function labelOf(group: string): string {
  if (group === 'leadership') return 'Ban giám hiệu / lãnh đạo';
  if (group === 'specialist') return 'Chuyên viên';
  const [kind, code = ''] = group.split(':');
  if (kind === 'teacher') {
    if (code === GENERAL_TEACHING) return 'Giáo viên dạy lớp / chưa ghi môn';
    return `Giáo viên ${subjectByCode(code)?.name ?? code}`;
  }
  return STAFF_ROLE_LABEL_VI[code as StaffRole] ?? code;
}

const SUBJECT_ORDER = new Map(SUBJECTS.map((s, i) => [s.code as string, i]));
const ROLE_ORDER = new Map(STAFF_ROLES.map((r, i) => [r as string, i]));

/** Table order: leadership, teachers in curriculum order (general last), support staff, specialists. */
export function orderOf(group: string): number {
  if (group === 'leadership') return 0;
  if (group === 'specialist') return 3000;
  const [kind, code = ''] = group.split(':');
  if (kind === 'teacher') return code === GENERAL_TEACHING ? 1999 : 1000 + (SUBJECT_ORDER.get(code) ?? 900);
  return 2000 + (ROLE_ORDER.get(code) ?? 900);
}

/** A quota may be recorded for a group the table knows, even before anyone is employed in it. */
export function isKnownGroup(group: string): boolean {
  if (group === 'leadership' || group === 'specialist') return true;
  const [kind, code = ''] = group.split(':');
  if (kind === 'teacher') return code === GENERAL_TEACHING || SUBJECT_ORDER.has(code);
  return kind === 'support' && ROLE_ORDER.has(code);
}

/** Every group a quota may be recorded for, in table order (for the "add a group" picker). */
export function knownGroups(): string[] {
  return [
    'leadership',
    ...SUBJECTS.map((s) => `teacher:${s.code}`),
    `teacher:${GENERAL_TEACHING}`,
    ...STAFF_ROLES.map((r) => `support:${r}`),
    'specialist',
  ];
}
