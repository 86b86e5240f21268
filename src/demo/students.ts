import { searchTextOf } from '../features/students/queries.ts';
import type { Gender, StudentStatus } from '../platform/db/schema.ts';
import { DEMO_PROVINCE, type Generator, type UnitRef } from './context.ts';
import { type DemoEthnicity, ETHNICITY_MIX, familyName, personName } from './names.ts';
import { birthDateIn, homeAddress, mobilePhone } from './people.ts';
import { weighted } from './random.ts';

export interface Parent {
  fullName: string;
  phone: string;
  /** The parent's account, if they have one (guardian rows of all their children link to it). */
  userId?: string;
}

/** The people a child lives with; siblings share one Family. */
export interface Family {
  ethnicity: DemoEthnicity;
  familyName: string;
  father?: Parent;
  mother?: Parent;
  /** A grandparent or relative raising the child (người giám hộ). */
  guardian?: Parent;
}

/** 80 % of children live with both parents, 14 % with their mother, 4 % with their father, 2 % with a relative. */
function randomFamily(g: Generator): Family {
  const { rng } = g;
  const ethnicity = rng.pickWeighted(ETHNICITY_MIX);
  const family = familyName(rng, ethnicity);
  const parent = (gender: Gender, fixedFamily?: string): Parent => ({
    fullName: personName(rng, { gender, generation: 'adult', ethnicity, family: fixedFamily }),
    phone: mobilePhone(rng),
  });
  const roll = rng.next();
  if (roll < 0.02)
    return { ethnicity, familyName: family, guardian: parent(rng.chance(0.6) ? 'female' : 'male') };
  return {
    ethnicity,
    familyName: family,
    father: roll < 0.86 ? parent('male', family) : undefined,
    mother: roll < 0.82 || roll >= 0.86 ? parent('female') : undefined,
  };
}

export interface StudentSpec {
  unit: UnitRef;
  birthYear: number;
  status: StudentStatus;
  statusSince: string;
  /** Status changes in date order; the last one is the current status. */
  history: { status: StudentStatus; on: string; reason?: string }[];
  family?: Family;
  /** A fixed first/middle name and sex (demo accounts need to know the child's name). */
  child?: { gender: Gender; givenNames: string };
  userId?: string;
}

/** Kinds of disability (Luật Người khuyết tật 2010 Điều 3), as the students feature stores them. */
const DISABILITY = weighted([
  ['intellectual', 30],
  ['mobility', 25],
  ['hearing_speech', 15],
  ['visual', 10],
  ['mental', 10],
  ['other', 10],
] as const);

/** Adds a student with their guardians and status history; returns the student's id. */
export function addStudent(g: Generator, spec: StudentSpec): string {
  const { rng } = g;
  const family = spec.family ?? randomFamily(g);
  const gender: Gender = spec.child?.gender ?? (rng.chance(0.515) ? 'male' : 'female');
  const fullName = spec.child
    ? `${family.familyName} ${spec.child.givenNames}`
    : personName(rng, {
        gender,
        generation: 'child',
        ethnicity: family.ethnicity,
        family: family.familyName,
      });
  // About one child in 25 is a year older than the cohort (late start or repeated a grade).
  const birthDate = birthDateIn(rng, spec.birthYear - (rng.chance(0.04) ? 1 : 0));
  const minority = family.ethnicity !== 'kinh';
  const poorRoll = rng.next();
  const id = g.ids.next();
  const moetCode = rng.chance(0.97) ? g.moetCodes.next() : null;
  g.out.add('students', {
    id,
    unit_id: spec.unit.id,
    full_name: fullName,
    search_text: searchTextOf(fullName, moetCode),
    birth_date: birthDate,
    gender,
    ethnicity: family.ethnicity,
    national_id: rng.chance(0.96) ? g.nationalIds.next(rng, birthDate, gender) : null,
    moet_student_code: moetCode,
    address: homeAddress(
      rng,
      rng.chance(0.7) ? spec.unit.commune : rng.pick(spec.unit.communes),
      DEMO_PROVINCE,
    ),
    disability: rng.chance(0.015) ? rng.pickWeighted(DISABILITY) : null,
    poor_household: poorRoll < (minority ? 0.15 : 0.05),
    near_poor_household: poorRoll >= (minority ? 0.15 : 0.05) && poorRoll < (minority ? 0.25 : 0.1),
    policy_flags: policyFlags(g, minority),
    status: spec.status,
    status_since: spec.statusSince,
    user_id: spec.userId ?? null,
  });
  for (const change of spec.history) {
    g.out.add('student_status_history', {
      id: g.ids.next(),
      unit_id: spec.unit.id,
      student_id: id,
      status: change.status,
      effective_on: change.on,
      reason: change.reason ?? null,
    });
  }
  addGuardians(g, spec.unit.id, id, family);
  return id;
}

function policyFlags(g: Generator, minority: boolean): string[] {
  const flags: string[] = [];
  if (g.rng.chance(0.008)) flags.push('orphan');
  if (g.rng.chance(0.005)) flags.push('war_invalid_child');
  if (minority && g.rng.chance(0.3)) flags.push('extremely_disadvantaged_area');
  return flags;
}

function addGuardians(g: Generator, unitId: string, studentId: string, family: Family): void {
  const people: [Parent | undefined, 'father' | 'mother' | 'guardian'][] = [
    [family.father, 'father'],
    [family.mother, 'mother'],
    [family.guardian, 'guardian'],
  ];
  for (const [parent, relationship] of people) {
    if (!parent) continue;
    g.out.add('student_guardians', {
      id: g.ids.next(),
      unit_id: unitId,
      student_id: studentId,
      full_name: parent.fullName,
      relationship,
      phone: parent.phone,
      email: null,
      user_id: parent.userId ?? null,
    });
  }
}
