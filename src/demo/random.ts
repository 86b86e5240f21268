/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same demo data on every machine
 * and both databases, so a bug report can say "seed 1, student 6A1 no. 3" and everyone sees the same child.
 * Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks from a table built with `weighted()`. */
  pickWeighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total;
    let low = 0;
    let high = table.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((table.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return table.items[low] as T;
  }
}

export interface WeightedTable<T> {
  items: T[];
  cumulative: number[];
  total: number;
}

/** Prepares [item, weight] pairs for fast repeated weighted picks. */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of pairs) {
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  return { items, cumulative, total };
}

/** A bijection on 32-bit integers (lowbias32 by C. Wellons): distinct inputs give distinct outputs. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hex digits of every byte, so an id is built by lookups instead of number formatting (millions per seed). */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex8 = (v: number) => `${HEX[v >>> 24]}${HEX[(v >>> 16) & 255]}${HEX[(v >>> 8) & 255]}${HEX[v & 255]}`;

/** 1 August 2025: the demo ids carry timestamps from here on (one millisecond per 4,096 ids). */
const ID_EPOCH_MS = Date.UTC(2025, 7, 1);

/**
 * Time-ordered UUIDs (version 7, RFC 9562) numbered from a counter: the 48-bit timestamp and the 12 bits after
 * the version hold the counter, so ids never repeat within a run and are reproducible for a seed; the last 62 bits
 * are seed-dependent noise. Ordered ids keep each primary-key B-tree growing at its right edge, which loaded a
 * province about 30 % faster on PostgreSQL than random version-4 ids did (bench/seed.ts, measured side by side).
 */
export class IdSource {
  private counter = 0;
  private readonly keys: [number, number];

  constructor(seed: number) {
    this.keys = [mix32(seed * 2 + 1), mix32(seed * 2 + 2)];
  }

  next(): string {
    const n = this.counter++;
    const ms = ID_EPOCH_MS + Math.floor(n / 4096);
    const high = Math.floor(ms / 65536);
    const b = mix32(n ^ this.keys[0]);
    const c = mix32(b ^ this.keys[1]);
    const hex4 = (v: number) => `${HEX[(v >>> 8) & 255]}${HEX[v & 255]}`;
    return `${hex8(high)}-${hex4(ms % 65536)}-${hex4(0x7000 | (n % 4096))}-${hex4(0x8000 | (b >>> 18))}-${hex4(b & 0xffff)}${hex8(c)}`;
  }
}
