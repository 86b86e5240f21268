import { type Kysely, sql } from 'kysely';

// People and classes of a school: staff, departments, staffing quotas, students with dated status history,
// guardians, classes per school year and enrolments. search_text holds the diacritic-free folded name and
// codes, computed by the application (foldVietnamese) so both engines search the same way.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Tổ chuyên môn of a school. The head (tổ trưởng) is a staff member of the same school: the composite key
    -- (unit_id, head_staff_id) → staff (unit_id, id) is added below, once staff exists.
    create table departments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      name text not null,
      head_staff_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, id)
    );
    create unique index departments_name_key on departments (unit_id, lower(name));

    create table staff (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      full_name text not null,
      search_text text not null,
      birth_date date,
      gender text check (gender in ('male', 'female')),
      national_id text check (national_id ~ '^[0-9]{12}$'),
      phone text,
      email text,
      position text not null check (position in ('principal', 'vice_principal', 'teacher', 'staff',
        'office_head', 'office_deputy', 'specialist')),
      -- What a support-staff member does (kế toán, văn thư, thư viện, y tế, thiết bị, bảo vệ...).
      staff_role text check (staff_role in ('accountant', 'clerk', 'treasurer', 'librarian', 'equipment',
        'medical', 'it', 'disability_support', 'cook', 'security', 'janitor', 'other')),
      qualification text check (qualification in ('below_intermediate', 'intermediate', 'college', 'bachelor',
        'master', 'doctorate')),
      main_subject text,
      department_id uuid,
      employment_status text not null default 'official' check (employment_status in ('official', 'contract',
        'probation', 'on_leave', 'retired', 'left')),
      start_date date,
      user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, id),
      -- The department must belong to the same school as the staff member.
      foreign key (unit_id, department_id) references departments (unit_id, id)
    );
    create index staff_unit_idx on staff (unit_id, search_text);
    -- Duplicate national IDs are flagged (not refused) across a province, so this index is not unique.
    create index staff_national_id_idx on staff (national_id) where national_id is not null;
    -- An account belongs to at most one staff record.
    create unique index staff_user_key on staff (user_id) where user_id is not null;
    create index staff_department_idx on staff (department_id) where department_id is not null;

    alter table departments add constraint departments_head_fkey foreign key (unit_id, head_staff_id)
      references staff (unit_id, id) on delete set null (head_staff_id);

    -- Biên chế được giao: the quota per staffing group of a school for a school year.
    create table staffing_quotas (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      -- 'leadership', 'specialist', 'teacher:<subject code or general>', 'support:<staff_role>'
      staffing_group text not null check (staffing_group ~ '^(leadership|specialist|teacher:[a-z0-9-]+|support:[a-z_]+)$'),
      quota int not null check (quota >= 0),
      updated_at timestamptz not null default now(),
      unique (unit_id, school_year, staffing_group)
    );

    create table students (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      full_name text not null,
      search_text text not null,
      birth_date date,
      gender text check (gender in ('male', 'female')),
      -- Key of one of the 54 ethnic groups (src/domain/identity/ethnicities.ts), never the name.
      ethnicity text,
      national_id text check (national_id ~ '^[0-9]{12}$'),
      -- Set when an authorised user confirmed that a number raising warnings is as printed on the card.
      national_id_confirmed boolean not null default false,
      moet_student_code text,
      address text,
      -- Kind of disability (Luật Người khuyết tật 2010 Điều 3); null when none.
      disability text check (disability in ('mobility', 'hearing_speech', 'visual', 'mental', 'intellectual',
        'other')),
      poor_household boolean not null default false,
      near_poor_household boolean not null default false,
      policy_flags text[] not null default '{}',
      status text not null default 'enrolled' check (status in ('enrolled', 'transferred_in',
        'transferred_out', 'dropped_out', 'graduated')),
      status_since date,
      user_id uuid references users(id),
      -- Set when the record's personal data was erased on request; the row stays for statistics.
      erased_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index students_unit_idx on students (unit_id, search_text);
    create index students_national_id_idx on students (national_id) where national_id is not null;
    create unique index students_moet_code_key on students (moet_student_code) where moet_student_code is not null;
    create index students_user_idx on students (user_id) where user_id is not null;

    -- Dated status history answers "how many were enrolled on 30/9" for statistics. unit_id is the school where
    -- the status applied, so a record that later moves keeps its past at the old school.
    create table student_status_history (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      student_id uuid not null references students(id),
      status text not null check (status in ('enrolled', 'transferred_in', 'transferred_out', 'dropped_out',
        'graduated')),
      effective_on date not null,
      reason text,
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now()
    );
    create index student_status_history_student_idx on student_status_history (student_id, effective_on);
    create index student_status_history_unit_idx on student_status_history (unit_id, effective_on);

    create table student_guardians (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      student_id uuid not null references students(id) on delete cascade,
      full_name text not null,
      relationship text not null check (relationship in ('father', 'mother', 'guardian', 'other')),
      phone text,
      email text,
      user_id uuid references users(id),
      -- Order on the student's file: the first guardian is the main contact.
      position int not null default 0,
      created_at timestamptz not null default now()
    );
    create index student_guardians_student_idx on student_guardians (student_id);
    create index student_guardians_user_idx on student_guardians (user_id) where user_id is not null;

    create table classes (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      grade int not null check (grade between 0 and 12),
      name text not null check (length(trim(name)) > 0),
      homeroom_teacher_id uuid references staff(id),
      room text,
      created_at timestamptz not null default now(),
      unique (unit_id, school_year, name),
      -- Target of the enrolments' composite key below.
      unique (id, unit_id, school_year)
    );

    -- A student in a class from enrolled_on (inclusive) to left_on (exclusive); left_on null = still there.
    create table enrolments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      school_year text not null,
      enrolled_on date not null,
      left_on date,
      -- The enrolment belongs to its class's school and school year.
      foreign key (class_id, unit_id, school_year) references classes (id, unit_id, school_year),
      check (left_on is null or left_on >= enrolled_on)
    );
    -- One active class per student per school year.
    create unique index enrolments_active_key on enrolments (student_id, school_year) where left_on is null;
    create index enrolments_class_idx on enrolments (class_id);
    create index enrolments_unit_idx on enrolments (unit_id, school_year);
  `.execute(db);
}
