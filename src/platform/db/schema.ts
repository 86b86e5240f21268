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
  head_staff_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type StaffPosition =
  | 'principal'
  | 'vice_principal'
  | 'teacher'
  | 'staff'
  | 'office_head'
  | 'office_deputy'
  | 'specialist';
export type StaffRole =
  | 'accountant'
  | 'clerk'
  | 'treasurer'
  | 'librarian'
  | 'equipment'
  | 'medical'
  | 'it'
  | 'disability_support'
  | 'cook'
  | 'security'
  | 'janitor'
  | 'other';
export type Qualification =
  | 'below_intermediate'
  | 'intermediate'
  | 'college'
  | 'bachelor'
  | 'master'
  | 'doctorate';
export type EmploymentStatus = 'official' | 'contract' | 'probation' | 'on_leave' | 'retired' | 'left';

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
  position: StaffPosition;
  staff_role: StaffRole | null;
  qualification: Qualification | null;
  main_subject: string | null;
  department_id: string | null;
  employment_status: Generated<EmploymentStatus>;
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
  updated_at: UpdatedAt;
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

export interface NotificationTable {
  id: Id;
  unit_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface StoredFileTable {
  id: Id;
  unit_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  purpose: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlatformTables {
  notifications: NotificationTable;
  stored_files: StoredFileTable;
}

type Level4 = 'excellent' | 'good' | 'pass' | 'fail';
type PassFail = 'pass' | 'fail';
type NumericArray = ColumnType<(number | null)[], (number | null)[] | undefined, (number | null)[]>;
type TextArray = ColumnType<(string | null)[], (string | null)[] | undefined, (string | null)[]>;

export interface TeachingAssignmentTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  subject_code: string;
  teacher_id: string;
  periods_per_year: number;
  created_at: CreatedAt;
}

export interface GradebookTermTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  entry_deadline: string | null;
  locked_at: Date | null;
  locked_by: string | null;
}

export interface GradebookUnlockTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  subject_code: string;
  reason: string;
  unlocked_by: string | null;
  unlocked_at: Generated<Date>;
  relocked_at: Date | null;
}

export interface SubjectScoreTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  student_id: string;
  subject_code: string;
  regular: NumericArray;
  midterm: number | null;
  final: number | null;
  regular_results: TextArray;
  midterm_result: PassFail | null;
  final_result: PassFail | null;
  makeup: ColumnType<string[], string[] | undefined, string[]>;
  term_average: number | null;
  term_result: PassFail | null;
  teacher_comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AttendanceTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  date: string;
  session: 'morning' | 'afternoon';
  excused: boolean;
  note: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ConductAssessmentTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  student_id: string;
  level: Level4;
  comment: string | null;
  assessed_by: string | null;
  updated_at: UpdatedAt;
}

export interface StudentResultTable {
  id: Id;
  unit_id: string;
  school_year: string;
  /** 1 or 2 for a term, 0 for the year. */
  term: number;
  class_id: string;
  student_id: string;
  learning_result: Level4 | null;
  conduct_result: Level4 | null;
  absent_sessions: Generated<number>;
  promotion: 'promoted' | 'retest' | 'summer_conduct' | 'retained' | null;
  award: 'outstanding' | 'excellent' | null;
  final_promotion: 'promoted' | 'retained' | null;
  summer_conduct_result: Level4 | null;
  primary_outcome: 'completed_excellently' | 'completed_well' | 'completed' | 'not_completed' | null;
  homeroom_comment: string | null;
  computed_at: UpdatedAt;
}

export interface SubjectYearResultTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  subject_code: string;
  year_average: number | null;
  year_result: PassFail | null;
  retest_score: number | null;
  retest_result: PassFail | null;
}

export interface PrimaryEvaluationTable {
  id: Id;
  unit_id: string;
  school_year: string;
  checkpoint: 'mid1' | 'end1' | 'mid2' | 'end2';
  class_id: string;
  student_id: string;
  aspect: string;
  level: 'completed_well' | 'completed' | 'not_completed' | 'good' | 'pass' | 'needs_effort';
  test_score: number | null;
  comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export type TranscriptStatus =
  | 'draft'
  | 'homeroom_signed'
  | 'approved'
  | 'sealed'
  | 'published'
  | 'superseded';

export interface TranscriptTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  version: Generated<number>;
  status: Generated<TranscriptStatus>;
  snapshot: Json;
  correction_reason: string | null;
  homeroom_signed_by: string | null;
  homeroom_signed_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: CreatedAt;
}

export interface ClassNoteTable {
  id: Id;
  unit_id: string;
  class_id: string;
  author_user_id: string;
  title: string;
  body: string;
  created_at: CreatedAt;
}

export interface ClassNoteAckTable {
  id: Id;
  unit_id: string;
  note_id: string;
  user_id: string;
  acknowledged_at: CreatedAt;
}

export interface GradebookTables {
  teaching_assignments: TeachingAssignmentTable;
  gradebook_terms: GradebookTermTable;
  gradebook_unlocks: GradebookUnlockTable;
  subject_scores: SubjectScoreTable;
  attendance: AttendanceTable;
  conduct_assessments: ConductAssessmentTable;
  student_results: StudentResultTable;
  subject_year_results: SubjectYearResultTable;
  primary_evaluations: PrimaryEvaluationTable;
  transcripts: TranscriptTable;
  class_notes: ClassNoteTable;
  class_note_acks: ClassNoteAckTable;
}

export interface AssessmentCatalogueTable {
  id: Id;
  unit_id: string;
  code: string;
  version: string;
  title: string;
  subject_kind: 'school' | 'office';
  content: Json;
  source: 'national' | 'imported';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentCampaignTable {
  id: Id;
  unit_id: string;
  catalogue_id: string;
  school_year: string;
  title: string;
  self_assessment_starts_on: string;
  submission_deadline: string;
  external_starts_on: string;
  external_ends_on: string;
  publication_on: string;
  status: Generated<'draft' | 'open' | 'closed' | 'published'>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type AssessmentStatus =
  | 'not_started'
  | 'in_progress'
  | 'approved'
  | 'submitted'
  | 'returned'
  | 'under_review'
  | 'assessed'
  | 'recognised';

export interface AssessmentTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  status: Generated<AssessmentStatus>;
  self_result: Json;
  external_result: Json;
  approved_by: string | null;
  approved_at: Date | null;
  submitted_at: Date | null;
  recognised_level: number | null;
  recognition_id: string | null;
  /** The last day a submission-deadline reminder went out (0031). */
  last_reminded_on: string | null;
  updated_at: UpdatedAt;
}

export interface AssessmentItemTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  item_id: string;
  assignee_user_id: string | null;
  answer: Json;
  note: string | null;
  progress: Generated<'todo' | 'in_progress' | 'done'>;
  agreed_answer: Json;
  external_comment: string | null;
  return_comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AssessmentEvidenceTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  item_id: string;
  kind: 'file' | 'link' | 'metric' | 'text';
  file_id: string | null;
  url: string | null;
  metric_id: string | null;
  metric_snapshot: Json;
  description: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentEventTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  snapshot: Json;
  actor_user_id: string | null;
  created_at: CreatedAt;
}

export interface AssessmentTeamTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface AssessmentTeamMemberTable {
  id: Id;
  unit_id: string;
  team_id: string;
  user_id: string;
  role: 'head' | 'deputy' | 'secretary' | 'member';
}

export interface AssessmentTeamUnitTable {
  id: Id;
  unit_id: string;
  team_id: string;
  assessed_unit_id: string;
}

export interface RecognitionDecisionTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  decision_number: string;
  decided_on: string;
  signer_name: string;
  signer_title: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentTables {
  assessment_catalogues: AssessmentCatalogueTable;
  assessment_campaigns: AssessmentCampaignTable;
  assessments: AssessmentTable;
  assessment_items: AssessmentItemTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_events: AssessmentEventTable;
  assessment_teams: AssessmentTeamTable;
  assessment_team_members: AssessmentTeamMemberTable;
  assessment_team_units: AssessmentTeamUnitTable;
  recognition_decisions: RecognitionDecisionTable;
}

export interface DB
  extends FoundationTables,
    PeopleTables,
    PlatformTables,
    GradebookTables,
    AssessmentTables {}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
