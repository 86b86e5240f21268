/**
 * Column types of the tables written set-based (unnest inserts) by both the demo generator and the import commits,
 * kept once so the two writers cannot drift apart.
 */

/** Columns staff and students share: who the person is. */
export const PERSON_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  full_name: 'text',
  search_text: 'text',
  birth_date: 'date',
  gender: 'text',
  national_id: 'text',
} as const;

/** The staff columns a new staff record sets (its account link, user_id, is set by account creation). */
export const STAFF_COLUMNS = {
  ...PERSON_COLUMNS,
  phone: 'text',
  email: 'text',
  position: 'text',
  staff_role: 'text',
  qualification: 'text',
  main_subject: 'text',
  department_id: 'uuid',
  employment_status: 'text',
  start_date: 'date',
} as const;

export const CLASS_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  school_year: 'text',
  grade: 'int',
  name: 'text',
  homeroom_teacher_id: 'uuid',
  room: 'text',
} as const;
