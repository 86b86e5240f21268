import { GENERAL_TEACHING } from '#contracts/staffing-groups.ts';
import type { Row } from '../../platform/db/schema.ts';

/**
 * The staffing group (a row of the staffing table) a staff member counts in; the groups themselves, their names
 * and order are in src/contracts/staffing-groups.ts, shared with the web.
 */
export function groupOf(staff: Pick<Row<'staff'>, 'position' | 'main_subject' | 'staff_role'>): string {
  switch (staff.position) {
    case 'principal':
    case 'vice_principal':
    case 'office_head':
    case 'office_deputy':
      return 'leadership';
    case 'teacher':
      return `teacher:${staff.main_subject ?? GENERAL_TEACHING}`;
    case 'specialist':
      return 'specialist';
    case 'staff':
      return `support:${staff.staff_role ?? 'other'}`;
  }
}
