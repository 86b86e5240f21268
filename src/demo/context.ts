import type { Role } from '#contracts/roles.ts';
import type { SchoolLevel } from '../platform/db/schema.ts';
import type { RowBatcher } from './batcher.ts';
import { type Commune, NationalIds, PERMUTING_MULTIPLIER } from './people.ts';
import { IdSource, mix32, Random } from './random.ts';

export const CURRENT_YEAR = '2025-2026';
export const LAST_YEAR = '2024-2025';
export const DEMO_PROVINCE = 'Hòa Bình Xanh';

/** The province's calendars (set at the Sở, inherited by every school below it). */
export const CALENDARS = [
  {
    code: CURRENT_YEAR,
    starts_on: '2025-09-05',
    term1_ends_on: '2026-01-17',
    term2_starts_on: '2026-01-19',
    ends_on: '2026-05-31',
  },
  {
    code: LAST_YEAR,
    starts_on: '2024-09-05',
    term1_ends_on: '2025-01-18',
    term2_starts_on: '2025-01-20',
    ends_on: '2025-05-31',
  },
] as const;

/** Everything the generator functions share: the random streams, the id sources and the output. */
export interface Generator {
  rng: Random;
  /** A separate stream for the gradebook (scores, conduct, absences), so it leaves every other row unchanged. */
  gradebookRng: Random;
  ids: IdSource;
  nationalIds: NationalIds;
  moetCodes: MoetCodes;
  out: RowBatcher;
  /** argon2id hash of the demo password, computed once and given to every demo account. */
  passwordHash: string;
}

export function createGenerator(seed: number, out: RowBatcher, passwordHash: string): Generator {
  return {
    rng: new Random(seed),
    gradebookRng: new Random(seed ^ 0x5eed9ade),
    ids: new IdSource(seed),
    nationalIds: new NationalIds(seed),
    moetCodes: new MoetCodes(seed),
    out,
    passwordHash,
  };
}

/**
 * Sector-database student codes: the real format is not published (see `moet-student-code.ts`), so demo codes are
 * 10 digits — the province's 2-digit code and a permuted counter, unique within a run.
 */
class MoetCodes {
  private counter = 0;
  constructor(private readonly seed: number) {}
  next(): string {
    const n = (this.counter++ * PERMUTING_MULTIPLIER + mix32(this.seed)) % 100_000_000;
    return `17${String(n).padStart(8, '0')}`;
  }
}

export interface UnitRef {
  id: string;
  path: string;
  code: string;
  name: string;
  level: SchoolLevel | null;
  commune: Commune;
  /** Communes whose children attend (addresses of students and staff). */
  communes: readonly Commune[];
}

/** An account to create together with the person record it belongs to. */
export interface LoginSpec {
  username: string;
  roles: Role[];
}

/** Adds a demo account (and its roles on `unit`) with the shared demo password hash. */
export function addUser(
  g: Generator,
  user: { id: string; unitId: string; fullName: string; phone: string | null; login: LoginSpec },
): void {
  g.out.add('users', {
    id: user.id,
    unit_id: user.unitId,
    username: user.login.username,
    email: null,
    phone: user.phone,
    full_name: user.fullName,
    password_hash: g.passwordHash,
  });
  for (const role of user.login.roles) {
    g.out.add('role_assignments', { id: g.ids.next(), user_id: user.id, role, unit_id: user.unitId });
  }
}
