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

/**
 * Version-4-shaped UUIDs numbered from a counter: reproducible for a seed, and never repeated within a run because
 * the first 32 bits are a bijection of the counter (a plain PRNG draw could collide in a province of millions).
 */
export class IdSource {
  private counter = 0;
  private readonly keys: number[];

  constructor(seed: number) {
    this.keys = [1, 2, 3, 4].map((k) => mix32(seed * 4 + k));
  }

  next(): string {
    const [k1 = 0, k2 = 0, k3 = 0, k4 = 0] = this.keys;
    const a = mix32(this.counter++ ^ k1);
    const b = mix32(a ^ k2);
    const c = mix32(b ^ k3);
    const d = mix32(c ^ k4);
    const second = hex8(((b & 0xffff0fff) | 0x4000) >>> 0);
    const third = hex8(((c & 0x3fffffff) | 0x80000000) >>> 0);
    return `${hex8(a)}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${hex8(d)}`;
  }
}
