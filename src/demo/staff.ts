import { staffSearchText } from '../features/staff/queries.ts';
import type { EmploymentStatus, Gender, Qualification } from '../platform/db/schema.ts';
import { addUser, CURRENT_YEAR, type Generator, type UnitRef } from './context.ts';
import { ETHNICITY_MIX, personName } from './names.ts';
import { birthDateIn, mobilePhone } from './people.ts';
import { countByGroup, type StaffSpec } from './staffing.ts';

export interface StaffRef {
  id: string;
  fullName: string;
  spec: StaffSpec;
}

/** Adds a unit's departments and one person per post (with the post's account, if any). */
export function addStaff(g: Generator, unit: UnitRef, plan: readonly StaffSpec[]): StaffRef[] {
  const departmentIds = new Map<string, string>();
  for (const spec of plan) {
    if (!spec.department || departmentIds.has(spec.department)) continue;
    const id = g.ids.next();
    departmentIds.set(spec.department, id);
    g.out.add('departments', { id, unit_id: unit.id, name: spec.department });
  }
  const primaryLike = unit.level === 'preschool' || unit.level === 'primary';
  return plan.map((spec) => {
    const { rng } = g;
    const gender = genderFor(g, spec, primaryLike);
    const [from, to] = isLeader(spec) ? [1968, 1984] : [1967, 2001];
    const birthYear = rng.int(from, to);
    const birthDate = birthDateIn(rng, birthYear);
    const fullName = personName(rng, {
      gender,
      generation: 'adult',
      ethnicity: rng.pickWeighted(ETHNICITY_MIX),
    });
    const phone = mobilePhone(rng);
    const id = g.ids.next();
    const userId = spec.login ? g.ids.next() : null;
    if (spec.login && userId) addUser(g, { id: userId, unitId: unit.id, fullName, phone, login: spec.login });
    g.out.add('staff', {
      id,
      unit_id: unit.id,
      full_name: fullName,
      search_text: staffSearchText({ fullName, phone }),
      birth_date: birthDate,
      gender,
      national_id: g.nationalIds.next(rng, birthDate, gender),
      phone,
      email: null,
      position: spec.position,
      staff_role: spec.staffRole ?? null,
      qualification: qualificationFor(g, spec, primaryLike),
      main_subject: spec.mainSubject ?? null,
      department_id: spec.department ? (departmentIds.get(spec.department) ?? null) : null,
      employment_status: employmentFor(g, spec, birthYear),
      start_date: `${Math.min(2024, birthYear + rng.int(22, 26))}-0${rng.pick([8, 9])}-${rng.pick(['01', '05', '15'])}`,
      user_id: userId,
    });
    return { id, fullName, spec };
  });
}

/**
 * The staffing table (biên chế được giao) for the current year: by default each group's quota is what the unit
 * has, with a post short here and there (and the odd surplus) as in most real schools; `quotas` overrides groups.
 */
export function addQuotas(
  g: Generator,
  unit: UnitRef,
  plan: readonly StaffSpec[],
  quotas: ReadonlyMap<string, number> = randomQuotas(g, plan),
): void {
  const groups = new Map([...countByGroup(plan), ...quotas]);
  for (const group of groups.keys()) {
    const quota = quotas.get(group) ?? groups.get(group) ?? 0;
    g.out.add('staffing_quotas', {
      id: g.ids.next(),
      unit_id: unit.id,
      school_year: CURRENT_YEAR,
      staffing_group: group,
      quota,
    });
  }
}

function randomQuotas(g: Generator, plan: readonly StaffSpec[]): Map<string, number> {
  const quotas = new Map<string, number>();
  for (const [group, current] of countByGroup(plan)) {
    const roll = g.rng.next();
    quotas.set(group, roll < 0.15 ? current + 1 : roll < 0.2 && current > 1 ? current - 1 : current);
  }
  return quotas;
}

const isLeader = (spec: StaffSpec) =>
  spec.position === 'principal' ||
  spec.position === 'vice_principal' ||
  spec.position === 'office_head' ||
  spec.position === 'office_deputy';

function genderFor(g: Generator, spec: StaffSpec, primaryLike: boolean): Gender {
  if (spec.staffRole === 'security') return 'male';
  if (spec.staffRole === 'cook') return 'female';
  const femaleShare = spec.position === 'teacher' ? (primaryLike ? 0.92 : 0.72) : isLeader(spec) ? 0.5 : 0.6;
  return g.rng.chance(femaleShare) ? 'female' : 'male';
}

function qualificationFor(g: Generator, spec: StaffSpec, primaryLike: boolean): Qualification {
  const roll = g.rng.next();
  if (isLeader(spec)) return roll < 0.4 ? 'master' : 'bachelor';
  if (spec.position === 'teacher' || spec.position === 'specialist') {
    if (roll < 0.1) return 'master';
    return roll < (primaryLike ? 0.72 : 0.92) ? 'bachelor' : 'college';
  }
  if (spec.staffRole === 'security' || spec.staffRole === 'cook') {
    return roll < 0.5 ? 'below_intermediate' : 'intermediate';
  }
  return roll < 0.4 ? 'intermediate' : roll < 0.7 ? 'college' : 'bachelor';
}

function employmentFor(g: Generator, spec: StaffSpec, birthYear: number): EmploymentStatus {
  const roll = g.rng.next();
  if (spec.staffRole === 'security' || spec.staffRole === 'cook') return roll < 0.7 ? 'contract' : 'official';
  if (birthYear >= 1999 && roll < 0.3) return 'probation';
  return roll < 0.92 ? 'official' : 'contract';
}
