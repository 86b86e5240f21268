/** Roles a user holds on a unit (user × role × unit). A role on an office covers every unit below it. */
export const ROLES = [
  'system_admin',
  'office_admin',
  'office_specialist',
  'principal',
  'vice_principal',
  'it_officer',
  'department_head',
  'teacher',
  'staff',
  'guardian',
  'student',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL_VI: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  office_admin: 'Quản trị cơ quan quản lý',
  office_specialist: 'Chuyên viên',
  principal: 'Hiệu trưởng',
  vice_principal: 'Phó hiệu trưởng',
  it_officer: 'Cán bộ CNTT / thống kê',
  department_head: 'Tổ trưởng chuyên môn',
  teacher: 'Giáo viên',
  staff: 'Nhân viên',
  guardian: 'Cha mẹ học sinh',
  student: 'Học sinh',
};

export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'school_years.manage',
  'staff.read',
  'staff.write',
  'students.read',
  /** National ID, address, disability, household and policy flags: only for those who process them. */
  'students.sensitive',
  'students.write',
  /** Export or erase a person's data on request (personal data law). */
  'students.personal_data',
  /** A guardian or a student: only the students linked to the account. */
  'students.read_own',
  'classes.read',
  'classes.write',
  'users.read',
  'users.manage',
  'audit.read',
  'imports.run',
  'jobs.read',
  /** Criteria-based assessments (DX index…): see the self-assessments and results of units in scope. */
  'assessments.read',
  /**
   * Leaders of the assessed unit: assign criteria to staff and edit any claim and evidence. Checked only on roles
   * held on the assessed unit itself: an office above reviews its units' self-assessments, it never fills them in.
   */
  'assessments.self',
  /** Head of the assessed unit (same own-unit rule): approve the self-assessment (freezes it) and submit it. */
  'assessments.approve',
  /** Office reviewers: review submitted units, return them, agree points, close the external assessment. */
  'assessments.review',
  /** Office administrators: catalogues, campaigns, assessment teams, reminders, recognition decisions. */
  'assessments.manage',
  /**
   * Read gradebooks, attendance, conduct and results of a whole school. Teachers without it still read the classes
   * they teach or lead (checked per class by the gradebook feature).
   */
  'gradebook.read',
  /** Enter scores, attendance, conduct and comments: only where the service finds the teaching assignment or
   * homeroom duty for that class. */
  'gradebook.enter',
  /** School leaders: teaching assignments, entry deadlines, term locks and unlocks, term and year close. */
  'gradebook.manage',
  /** Head of school: approve (freeze) transcripts. */
  'transcripts.approve',
  /** Write questions in the bank and read those shared with you (teachers, leaders, office specialists). */
  'question_bank.use',
  /**
   * Approve questions for official tests: the principal and vice principals for the school, a department head for
   * their department's questions (checked by the feature), office specialists for the office's bank.
   */
  'question_bank.review',
  /** A school's notification settings: the monthly SMS budget, the low-score notice (principal, IT officer). */
  'notifications.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SCHOOL_READ: Permission[] = [
  'units.read',
  'staff.read',
  'students.read',
  'classes.read',
  'assessments.read',
];
const SCHOOL_RECORDS: Permission[] = [
  ...SCHOOL_READ,
  'students.sensitive',
  'staff.write',
  'students.write',
  'classes.write',
  'imports.run',
  'jobs.read',
  'users.read',
];

const GRADEBOOK_LEADERS: Permission[] = ['gradebook.read', 'gradebook.enter', 'gradebook.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  office_admin: [
    ...SCHOOL_READ,
    'students.sensitive',
    'units.manage',
    'school_years.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'jobs.read',
    'assessments.review',
    'assessments.manage',
    'assessments.self',
    'assessments.approve',
    'gradebook.read',
  ],
  office_specialist: [
    ...SCHOOL_READ,
    'students.sensitive',
    'jobs.read',
    'assessments.review',
    'assessments.self',
    'gradebook.read',
    'question_bank.use',
    'question_bank.review',
  ],
  principal: [
    ...SCHOOL_RECORDS,
    'school_years.manage',
    'students.personal_data',
    'users.manage',
    'audit.read',
    'assessments.self',
    'assessments.approve',
    ...GRADEBOOK_LEADERS,
    'transcripts.approve',
    'question_bank.use',
    'question_bank.review',
    'notifications.manage',
  ],
  vice_principal: [
    ...SCHOOL_RECORDS,
    'assessments.self',
    ...GRADEBOOK_LEADERS,
    'question_bank.use',
    'question_bank.review',
  ],
  it_officer: [
    ...SCHOOL_RECORDS,
    'school_years.manage',
    'users.manage',
    'gradebook.read',
    'notifications.manage',
  ],
  department_head: [
    ...SCHOOL_READ,
    'gradebook.read',
    'gradebook.enter',
    'question_bank.use',
    'question_bank.review',
  ],
  teacher: [...SCHOOL_READ, 'gradebook.enter', 'question_bank.use'],
  staff: ['units.read', 'staff.read', 'assessments.read'],
  guardian: ['units.read', 'students.read_own'],
  student: ['units.read', 'students.read_own'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
