import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt } from './columns.ts';

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

/** Every way to log in (username, e-mail, phone; lower-cased) and its account; kept by a trigger on users. */
export interface LoginNameTable {
  name: string;
  user_id: string;
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
  login_names: LoginNameTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  data_access_log: DataAccessLogTable;
  jobs: JobTable;
}
