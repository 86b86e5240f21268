import type { Gender } from '../platform/db/schema.ts';
import { mix32, type Random, weighted } from './random.ts';

const DAY_MS = 86_400_000;

/** A date (YYYY-MM-DD) in the given year, uniformly distributed. */
export function birthDateIn(rng: Random, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
  return new Date(start + rng.int(0, days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Where births were registered (first three digits of the personal ID, Thông tư 07/2016/TT-BCA): mostly code 017
 * (Hòa Bình, whose landscape the fictional demo province borrows), some people born in neighbouring provinces.
 */
const BIRTH_PROVINCE = weighted([
  ['017', 85],
  ['001', 5],
  ['025', 4],
  ['014', 3],
  ['037', 3],
] as const);

/** Coprime with every power of ten, so n ↦ n·M mod 10^k visits each k-digit number once before repeating. */
export const PERMUTING_MULTIPLIER = 738_163;

/**
 * Personal ID numbers (`PPP G YY RRRRRR`) consistent with birth date and sex. The random part is a permutation of a
 * counter per (place, century/sex, year), so no two demo people share a number even in a province of millions.
 */
export class NationalIds {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(rng: Random, birthDate: string, gender: Gender): string {
    const year = Number(birthDate.slice(0, 4));
    const centuryAndSex = 2 * Math.floor((year - 1900) / 100) + (gender === 'female' ? 1 : 0);
    const prefix = `${rng.pickWeighted(BIRTH_PROVINCE)}${centuryAndSex}${String(year % 100).padStart(2, '0')}`;
    const n = this.counters.get(prefix) ?? 0;
    if (n >= 1_000_000) throw new Error(`no personal ID numbers left for prefix ${prefix}`);
    this.counters.set(prefix, n + 1);
    const offset = mix32(this.seed ^ mix32(Number(prefix))) % 1_000_000;
    return `${prefix}${String((n * PERMUTING_MULTIPLIER + offset) % 1_000_000).padStart(6, '0')}`;
  }
}

/** Mobile prefixes of Viettel, VinaPhone, MobiFone, Vietnamobile and Gmobile (10-digit numbers since 2018). */
const MOBILE_PREFIXES = [
  ...['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'],
  ...['088', '091', '094', '081', '082', '083', '084', '085'],
  ...['089', '090', '093', '070', '076', '077', '078', '079'],
  ...['092', '056', '058', '099', '059'],
];

export function mobilePhone(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

export interface Commune {
  /** With its kind, as written in addresses: "xã Tân Lập", "phường Hữu Nghị". */
  name: string;
}

const HAMLETS = [
  ...[
    'Đồng Bãi',
    'Bãi Sậy',
    'Cầu Mới',
    'Đồng Tâm',
    'Trung Tâm',
    'Gò Mít',
    'Đồng Chanh',
    'Suối Cốc',
    'Tân Sơn',
  ],
  ...[
    'Hợp Nhất',
    'Quyết Thắng',
    'Đoàn Kết',
    'Thống Nhất',
    'Liên Hợp',
    'Bến Đò',
    'Đồng Mới',
    'Chợ Cũ',
    'Cây Đa',
  ],
];

/** A home address after the 2025 reform (no district level): hamlet or residential group, commune, province. */
export function homeAddress(rng: Random, commune: Commune, province: string): string {
  const urban = commune.name.startsWith('phường');
  const place = urban
    ? `Tổ dân phố ${rng.int(1, 18)}`
    : rng.chance(0.4)
      ? `Thôn ${rng.int(1, 12)}`
      : `${rng.pick(['Thôn', 'Xóm', 'Bản'])} ${rng.pick(HAMLETS)}`;
  return `${place}, ${commune.name}, tỉnh ${province}`;
}
