import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt } from './columns.ts';

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
