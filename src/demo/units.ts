import type { SchoolLevel } from '../platform/db/schema.ts';
import { gradesOf } from './classes.ts';
import { CURRENT_YEAR, DEMO_PROVINCE, type Generator, type UnitRef } from './context.ts';
import type { Commune } from './people.ts';

export interface UnitSpec {
  parent: UnitRef | null;
  kind: 'ministry' | 'province_office' | 'local_office' | 'school';
  code: string;
  name: string;
  shortName: string;
  level?: SchoolLevel;
  commune: Commune;
  communes?: readonly Commune[];
  district?: string;
  /** Street part of the address; the commune and province are appended. */
  street?: string;
  email?: string;
  status?: 'active' | 'merged';
  mergedInto?: UnitRef;
}

/** Office switchboards of the (fictional) province use the Hòa Bình area code 0218. */
const landline = (g: Generator) => `0218 3${g.rng.int(100, 999)} ${g.rng.int(100, 999)}`;

/** Adds a unit with its materialised path and the opening row of its parent history. */
export function addUnit(g: Generator, spec: UnitSpec): UnitRef {
  const id = g.ids.next();
  const path = `${spec.parent?.path ?? '/'}${id}/`;
  const grades = spec.level ? gradesOf(spec.level) : [];
  // The ministry is real and sits in Hà Nội; everything below it belongs to the fictional demo province.
  const isMinistry = spec.kind === 'ministry';
  const provinceLabel = isMinistry ? 'thành phố Hà Nội' : `tỉnh ${DEMO_PROVINCE}`;
  const street = spec.street ?? `Đường ${g.rng.pick(['Trần Phú', 'Lê Lợi', 'Hùng Vương', 'Cù Chính Lan'])}`;
  g.out.add('units', {
    id,
    parent_id: spec.parent?.id ?? null,
    kind: spec.kind,
    code: spec.code,
    name: spec.name,
    short_name: spec.shortName,
    path,
    level: spec.level ?? null,
    grade_from: grades.length ? Math.min(...grades) : null,
    grade_to: grades.length ? Math.max(...grades) : null,
    ownership: spec.kind === 'school' ? 'public' : null,
    province: isMinistry ? 'Hà Nội' : DEMO_PROVINCE,
    district: spec.district ?? null,
    commune: spec.commune.name,
    address: `${street}, ${spec.commune.name}, ${provinceLabel}`,
    phone: isMinistry ? null : landline(g),
    email: spec.email ?? null,
    website: null,
    current_school_year: spec.kind === 'province_office' ? CURRENT_YEAR : null,
    status: spec.status ?? 'active',
    merged_into_id: spec.mergedInto?.id ?? null,
  });
  const merged = spec.status === 'merged';
  g.out.add('unit_parent_history', {
    id: g.ids.next(),
    unit_id: id,
    parent_id: spec.parent?.id ?? null,
    valid_from: '2015-01-01',
    valid_to: merged ? '2025-08-01' : null,
    reason: merged && spec.mergedInto ? `Sáp nhập vào ${spec.mergedInto.name}` : null,
  });
  return {
    id,
    path,
    code: spec.code,
    name: spec.name,
    level: spec.level ?? null,
    commune: spec.commune,
    communes: spec.communes ?? [spec.commune],
  };
}
