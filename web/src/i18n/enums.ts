import { useTranslation } from 'react-i18next';
import { DATA_ACCESS_ACTIONS, DATA_SUBJECT_KINDS } from '#contracts/audit.ts';
import {
  AUDIT_ACTION_LABEL_VI,
  AUDIT_ACTIONS,
  AUDIT_AREA_LABEL_VI,
  AUDIT_AREAS,
  AUDIT_ENTITIES,
  AUDIT_ENTITY_LABEL_VI,
  DATA_ACCESS_ACTION_LABEL_VI,
  DATA_SUBJECT_LABEL_VI,
} from '#contracts/audit-labels.ts';
import { TEAM_ROLES } from '#contracts/dx-assessments/campaigns.ts';
import {
  QUESTION_LEVEL_LABELS,
  QUESTION_LEVELS,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  REVIEW_STATE_LABELS,
  REVIEW_STATES,
  SHARE_LEVEL_LABELS,
  SHARE_LEVELS,
} from '#contracts/questions.ts';
import { ROLE_LABEL_VI, ROLES } from '#contracts/roles.ts';
import {
  EMPLOYMENT_STATUS_LABEL_VI,
  EMPLOYMENT_STATUSES,
  POSITION_LABEL_VI,
  QUALIFICATION_LABEL_VI,
  QUALIFICATIONS,
  STAFF_POSITIONS,
  STAFF_ROLE_LABEL_VI,
  STAFF_ROLES,
} from '#contracts/staff.ts';
import { SCHOOL_LEVEL_LABEL_VI, SCHOOL_LEVELS } from '#contracts/units.ts';
import {
  AWARD_LABEL_VI,
  LEVEL4_LABEL_VI,
  type Level4,
  PROMOTION_LABEL_VI,
  type Promotion,
  type ResultAward,
} from '#domain/grading/index.ts';
import {
  AUDIT_ACTION_LABEL_EN,
  AUDIT_AREA_LABEL_EN,
  AUDIT_ENTITY_LABEL_EN,
  DATA_ACCESS_ACTION_LABEL_EN,
  DATA_SUBJECT_LABEL_EN,
} from '../features/audit/labels.ts';

type Labels<V extends string> = Readonly<Record<V, string>>;

interface EnumLabels<V extends string> {
  /** The values, in the order pickers list them. */
  values: readonly V[];
  vi: Labels<V>;
  en: Labels<V>;
}

const labels = <V extends string>(values: readonly V[], vi: Labels<V>, en: Labels<V>): EnumLabels<V> => ({
  values,
  vi,
  en,
});

/**
 * Every enum of the contracts the web shows, with its words in each UI language. The Vietnamese words are the
 * server's (the same the PDFs and Excel files print), so a value is spelled one way everywhere; the English ones
 * live here. A new enum value without an English word does not compile, and enums.test.ts checks the catalogues.
 */
export const ENUM_LABELS = {
  role: labels(ROLES, ROLE_LABEL_VI, {
    system_admin: 'System administrator',
    office_admin: 'Education office administrator',
    office_specialist: 'Specialist',
    principal: 'Principal',
    vice_principal: 'Vice principal',
    it_officer: 'IT / statistics officer',
    department_head: 'Head of department',
    teacher: 'Teacher',
    staff: 'Staff',
    guardian: 'Parent / guardian',
    student: 'Student',
  }),
  schoolLevel: labels(SCHOOL_LEVELS, SCHOOL_LEVEL_LABEL_VI, {
    preschool: 'Preschool',
    primary: 'Primary',
    lower_secondary: 'Lower secondary',
    upper_secondary: 'Upper secondary',
    multi_level: 'Multi-level',
    continuing_ed: 'Continuing education',
  }),
  staffPosition: labels(STAFF_POSITIONS, POSITION_LABEL_VI, {
    principal: 'Principal',
    vice_principal: 'Vice principal',
    teacher: 'Teacher',
    staff: 'Staff',
    office_head: 'Head of office',
    office_deputy: 'Deputy head of office',
    specialist: 'Specialist',
  }),
  staffRole: labels(STAFF_ROLES, STAFF_ROLE_LABEL_VI, {
    accountant: 'Accountant',
    clerk: 'Clerk',
    treasurer: 'Treasurer',
    librarian: 'Librarian',
    equipment: 'Equipment and laboratory',
    medical: 'School health',
    it: 'Information technology',
    disability_support: 'Disability education support',
    cook: 'Cook',
    security: 'Security',
    janitor: 'Janitor',
    other: 'Other',
  }),
  qualification: labels(QUALIFICATIONS, QUALIFICATION_LABEL_VI, {
    below_intermediate: 'Below intermediate',
    intermediate: 'Intermediate',
    college: 'College',
    bachelor: 'Bachelor',
    master: 'Master',
    doctorate: 'Doctorate',
  }),
  employmentStatus: labels(EMPLOYMENT_STATUSES, EMPLOYMENT_STATUS_LABEL_VI, {
    official: 'Permanent',
    contract: 'Contract',
    probation: 'Probation',
    on_leave: 'Long-term leave',
    retired: 'Retired',
    left: 'Left / transferred',
  }),
  // Only the web names the members of an assessment team, so their Vietnamese words live here.
  teamRole: labels(
    TEAM_ROLES,
    { head: 'Trưởng đoàn', deputy: 'Phó trưởng đoàn', secretary: 'Thư ký', member: 'Thành viên' },
    { head: 'Head of team', deputy: 'Deputy head', secretary: 'Secretary', member: 'Member' },
  ),
  level4: labels(Object.keys(LEVEL4_LABEL_VI) as Level4[], LEVEL4_LABEL_VI, {
    excellent: 'Excellent',
    good: 'Good',
    pass: 'Pass',
    fail: 'Not yet passed',
  }),
  promotion: labels(Object.keys(PROMOTION_LABEL_VI) as Promotion[], PROMOTION_LABEL_VI, {
    promoted: 'Promoted',
    retest: 'Re-test',
    summer_conduct: 'Summer conduct training',
    principal_decision: "Principal's decision",
    retained: 'Retained',
  }),
  award: labels(Object.keys(AWARD_LABEL_VI) as ResultAward[], AWARD_LABEL_VI, {
    outstanding: 'Outstanding student',
    excellent: 'Excellent student',
    exemplary: 'Exemplary student (study and conduct)',
  }),
  // The question bank (issue 14 §1).
  questionType: labels(QUESTION_TYPES, QUESTION_TYPE_LABELS, {
    single_choice: 'Multiple choice',
    true_false_group: 'True/false (4 statements)',
    short_answer: 'Short answer',
    matching: 'Matching',
    essay: 'Essay',
  }),
  questionLevel: labels(QUESTION_LEVELS, QUESTION_LEVEL_LABELS, {
    know: 'Knowing',
    understand: 'Understanding',
    apply: 'Applying',
  }),
  shareLevel: labels(SHARE_LEVELS, SHARE_LEVEL_LABELS, {
    private: 'Only me',
    department: 'Department',
    school: 'Whole school',
    office: 'Schools of the office',
  }),
  reviewState: labels(REVIEW_STATES, REVIEW_STATE_LABELS, {
    draft: 'Draft',
    submitted: 'Awaiting review',
    approved: 'Approved',
    rejected: 'Needs changes',
  }),
  // The audit log's registry (contracts/audit-labels.ts); data-access actions are a CHECKed enum.
  auditEntity: labels(AUDIT_ENTITIES, AUDIT_ENTITY_LABEL_VI, AUDIT_ENTITY_LABEL_EN),
  auditAction: labels(AUDIT_ACTIONS, AUDIT_ACTION_LABEL_VI, AUDIT_ACTION_LABEL_EN),
  auditArea: labels(AUDIT_AREAS, AUDIT_AREA_LABEL_VI, AUDIT_AREA_LABEL_EN),
  dataAccessAction: labels(DATA_ACCESS_ACTIONS, DATA_ACCESS_ACTION_LABEL_VI, DATA_ACCESS_ACTION_LABEL_EN),
  auditSubject: labels(DATA_SUBJECT_KINDS, DATA_SUBJECT_LABEL_VI, DATA_SUBJECT_LABEL_EN),
};

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<N extends EnumName> = (typeof ENUM_LABELS)[N]['values'][number];

/** The `enums` namespace of one language: `enums:role.principal`. */
export function enumCatalogue(lang: 'vi' | 'en'): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(ENUM_LABELS).map(([name, e]) => [name, { ...e[lang] }]));
}

/** Enum words in the UI language: `label('role', r.role)`, and `options('role')` for a Select. */
export function useEnumLabels() {
  const { t } = useTranslation('enums');
  const label = <N extends EnumName>(name: N, value: EnumValue<N>): string => t(`${name}.${value}`);
  /** For open values (the audit log's entities and actions): an unknown one shows as written. */
  const labelOr = (name: EnumName, value: string): string => t(`${name}.${value}`, { defaultValue: value });
  const options = <N extends EnumName>(name: N, values?: readonly EnumValue<N>[]) =>
    (values ?? (ENUM_LABELS[name].values as readonly EnumValue<N>[])).map((value) => ({
      value,
      label: label(name, value),
    }));
  return { label, labelOr, options };
}
