import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely table types. Each feature area declares its tables in one interface; DB joins them.
// Dates are 'YYYY-MM-DD' strings and int8/numeric are numbers (see database.ts).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;
type Id = Generated<string>;

export interface UnitKindTable {
  code: string;
  name_vi: string;
  category: 'ministry' | 'office' | 'school';
  sort_order: Generated<number>;
}

export type SchoolLevel =
  | 'preschool'
  | 'primary'
  | 'lower_secondary'
  | 'upper_secondary'
  | 'multi_level'
  | 'continuing_ed';

export interface UnitTable {
  id: Id;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  short_name: string | null;
  path: string;
  level: SchoolLevel | null;
  grade_from: number | null;
  grade_to: number | null;
  ownership: 'public' | 'private' | 'people_founded' | null;
  province: string | null;
  district: string | null;
  commune: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  current_school_year: string | null;
  status: Generated<'active' | 'merged' | 'closed'>;
  merged_into_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UnitParentHistoryTable {
  id: Id;
  unit_id: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  reason: string | null;
}

export interface SchoolYearTable {
  id: Id;
  unit_id: string;
  code: string;
  starts_on: string;
  term1_ends_on: string;
  term2_starts_on: string;
  ends_on: string;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Id;
  unit_id: string;
  username: string;
  email: string | null;
  phone: string | null;
  full_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  is_active: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleAssignmentTable {
  id: Id;
  user_id: string;
  role: string;
  unit_id: string;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Id;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  unit_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: Json;
  after: Json;
  ip: string | null;
}

export interface DataAccessLogTable {
  id: Id;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  unit_id: string;
  subject_kind: 'student' | 'staff' | 'guardian';
  subject_id: string;
  action: 'view' | 'export' | 'erase' | 'list_export';
  detail: string | null;
}

export interface JobTable {
  id: Id;
  unit_id: string;
  kind: string;
  status: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  message: string | null;
  payload: Json;
  result: Json;
  error: Json;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface FoundationTables {
  unit_kinds: UnitKindTable;
  units: UnitTable;
  unit_parent_history: UnitParentHistoryTable;
  school_years: SchoolYearTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  data_access_log: DataAccessLogTable;
  jobs: JobTable;
}

export type Gender = 'male' | 'female';

export interface DepartmentTable {
  id: Id;
  unit_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface StaffTable {
  id: Id;
  unit_id: string;
  full_name: string;
  search_text: string;
  birth_date: string | null;
  gender: Gender | null;
  national_id: string | null;
  phone: string | null;
  email: string | null;
  position: string;
  staff_role: string | null;
  qualification: string | null;
  main_subject: string | null;
  department_id: string | null;
  employment_status: Generated<string>;
  start_date: string | null;
  user_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StaffingQuotaTable {
  id: Id;
  unit_id: string;
  school_year: string;
  staffing_group: string;
  quota: number;
}

export type StudentStatus = 'enrolled' | 'transferred_in' | 'transferred_out' | 'dropped_out' | 'graduated';
export type Disability = 'mobility' | 'hearing_speech' | 'visual' | 'mental' | 'intellectual' | 'other';
export type GuardianRelationship = 'father' | 'mother' | 'guardian' | 'other';

export interface StudentTable {
  id: Id;
  unit_id: string;
  full_name: string;
  search_text: string;
  birth_date: string | null;
  gender: Gender | null;
  ethnicity: string | null;
  national_id: string | null;
  national_id_confirmed: Generated<boolean>;
  moet_student_code: string | null;
  address: string | null;
  disability: Disability | null;
  poor_household: Generated<boolean>;
  near_poor_household: Generated<boolean>;
  policy_flags: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<StudentStatus>;
  status_since: string | null;
  user_id: string | null;
  erased_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StudentStatusHistoryTable {
  id: Id;
  unit_id: string;
  student_id: string;
  status: StudentStatus;
  effective_on: string;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface StudentGuardianTable {
  id: Id;
  unit_id: string;
  student_id: string;
  full_name: string;
  relationship: GuardianRelationship;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface ClassTable {
  id: Id;
  unit_id: string;
  school_year: string;
  grade: number;
  name: string;
  homeroom_teacher_id: string | null;
  room: string | null;
  created_at: CreatedAt;
}

export interface EnrolmentTable {
  id: Id;
  unit_id: string;
  class_id: string;
  student_id: string;
  school_year: string;
  enrolled_on: string;
  left_on: string | null;
}

export interface PeopleTables {
  departments: DepartmentTable;
  staff: StaffTable;
  staffing_quotas: StaffingQuotaTable;
  students: StudentTable;
  student_status_history: StudentStatusHistoryTable;
  student_guardians: StudentGuardianTable;
  classes: ClassTable;
  enrolments: EnrolmentTable;
}

export interface DB extends FoundationTables, PeopleTables {}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
