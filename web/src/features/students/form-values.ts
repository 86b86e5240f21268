import { SENSITIVE_INPUTS } from '#contracts/students.ts';
import type { StudentDetail } from './api.ts';

export interface GuardianValues {
  /** Present for a guardian already on record. */
  id?: string;
  /** React key for rows not saved yet. */
  key: string;
  fullName: string;
  relationship: string;
  phone: string;
  email: string;
  occupation: string;
}

export interface StudentFormValues {
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  moetStudentCode: string;
  birthPlace: string;
  registrationNumber: string;
  ethnicity: string | null;
  nationalId: string;
  address: string;
  disability: string | null;
  poorHousehold: boolean;
  nearPoorHousehold: boolean;
  policyFlags: string[];
  status: 'enrolled' | 'transferred_in';
  statusSince: string;
  className: string | null;
  guardians: GuardianValues[];
}

let keys = 0;
/** A blank guardian row; the relationship starts as the parent not yet listed. */
export const newGuardian = (listed: readonly GuardianValues[] = []): GuardianValues => ({
  key: `new-${++keys}`,
  fullName: '',
  relationship: listed.some((g) => g.relationship === 'mother') ? 'father' : 'mother',
  phone: '',
  email: '',
  occupation: '',
});

export function emptyStudent(today: string): StudentFormValues {
  return {
    fullName: '',
    birthDate: null,
    gender: null,
    moetStudentCode: '',
    birthPlace: '',
    registrationNumber: '',
    ethnicity: 'kinh',
    nationalId: '',
    address: '',
    disability: null,
    poorHousehold: false,
    nearPoorHousehold: false,
    policyFlags: [],
    status: 'enrolled',
    statusSince: today,
    className: null,
    guardians: [newGuardian()],
  };
}

export function valuesOf(student: StudentDetail, today: string): StudentFormValues {
  const s = student.sensitive;
  return {
    ...emptyStudent(today),
    fullName: student.fullName,
    birthDate: student.birthDate,
    gender: student.gender,
    moetStudentCode: student.moetStudentCode ?? '',
    birthPlace: student.birthPlace ?? '',
    registrationNumber: student.registrationNumber ?? '',
    ethnicity: s?.ethnicity ?? null,
    nationalId: s?.nationalId ?? '',
    address: s?.address ?? '',
    disability: s?.disability ?? null,
    poorHousehold: s?.poorHousehold ?? false,
    nearPoorHousehold: s?.nearPoorHousehold ?? false,
    policyFlags: s?.policyFlags ?? [],
    guardians: student.guardians.map((g) => ({
      id: g.id,
      key: g.id,
      fullName: g.fullName,
      relationship: g.relationship,
      phone: g.phone ?? '',
      email: g.email ?? '',
      occupation: g.occupation ?? '',
    })),
  };
}

/** The request body: guardians without their React keys; sensitive fields only for those who may set them. */
export function payloadOf(values: StudentFormValues, options: { creating: boolean; sensitive: boolean }) {
  const { status, statusSince, className, guardians, ...record } = values;
  const body: Record<string, unknown> = {
    ...record,
    guardians: guardians.map(({ key: _key, ...guardian }) => guardian),
  };
  if (!options.sensitive) for (const key of SENSITIVE_INPUTS) delete body[key];
  return options.creating ? { ...body, status, statusSince, className } : body;
}
