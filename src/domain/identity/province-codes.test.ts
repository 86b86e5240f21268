import { describe, expect, it } from 'vitest';
import { BIRTH_PROVINCE_CODES, birthProvinceName, isBirthAbroadCode } from './province-codes.ts';
import { PROVINCES_SINCE_2025, provinceSince2025 } from './province-mergers-2025.ts';

describe('birth-registration province codes (TT 07/2016/TT-BCA Phụ lục I)', () => {
  it('lists the 63 provinces that existed before the 2025 reform, with three-digit codes', () => {
    const entries = Object.entries(BIRTH_PROVINCE_CODES);
    expect(entries).toHaveLength(63);
    for (const [code] of entries) expect(code).toMatch(/^0\d{2}$/);
    expect(new Set(Object.values(BIRTH_PROVINCE_CODES)).size).toBe(63);
  });

  it.each([
    ['001', 'Hà Nội'],
    ['031', 'Hải Phòng'],
    ['046', 'Thừa Thiên Huế'],
    ['048', 'Đà Nẵng'],
    ['077', 'Bà Rịa - Vũng Tàu'],
    ['079', 'Hồ Chí Minh'],
    ['092', 'Cần Thơ'],
    ['096', 'Cà Mau'],
  ])('code %s is %s', (code, name) => {
    expect(birthProvinceName(code)).toBe(name);
  });

  it('has gaps where no province was assigned (003, 005, 097)', () => {
    for (const code of ['003', '005', '097', '000']) expect(birthProvinceName(code)).toBeUndefined();
  });

  it('does not mistake inherited object keys for province codes', () => {
    expect(birthProvinceName('toString')).toBeUndefined();
    expect(birthProvinceName('constructor')).toBeUndefined();
  });

  it('recognises codes 101–295 as births registered abroad', () => {
    expect(isBirthAbroadCode('101')).toBe(true);
    expect(isBirthAbroadCode('295')).toBe(true);
    expect(isBirthAbroadCode('100')).toBe(false);
    expect(isBirthAbroadCode('296')).toBe(false);
    expect(isBirthAbroadCode('079')).toBe(false);
    expect(isBirthAbroadCode('1a1')).toBe(false);
  });
});

describe('provinces since 1 July 2025 (Nghị quyết 202/2025/QH15)', () => {
  it('has 34 units: 6 centrally-run cities and 28 provinces', () => {
    expect(PROVINCES_SINCE_2025).toHaveLength(34);
    expect(PROVINCES_SINCE_2025.filter((province) => province.kind === 'city')).toHaveLength(6);
    expect(new Set(PROVINCES_SINCE_2025.map((province) => province.name)).size).toBe(34);
  });

  it('places each of the 63 former provinces in exactly one new province', () => {
    const formerCodes = PROVINCES_SINCE_2025.flatMap((province) => province.formedFrom);
    expect(formerCodes).toHaveLength(63);
    expect(new Set(formerCodes)).toEqual(new Set(Object.keys(BIRTH_PROVINCE_CODES)));
  });

  it('keeps 11 units unmerged and forms 23 from 52', () => {
    const unmerged = PROVINCES_SINCE_2025.filter((province) => province.formedFrom.length === 1);
    const merged = PROVINCES_SINCE_2025.filter((province) => province.formedFrom.length > 1);
    expect(unmerged).toHaveLength(11);
    expect(merged).toHaveLength(23);
    expect(merged.flatMap((province) => province.formedFrom)).toHaveLength(52);
  });

  it.each([
    ['034', 'Hưng Yên'],
    ['030', 'Hải Phòng'],
    ['074', 'Hồ Chí Minh'],
    ['077', 'Hồ Chí Minh'],
    ['062', 'Quảng Ngãi'],
    ['091', 'An Giang'],
    ['046', 'Huế'],
  ])('a birth registered under code %s is now in %s', (code, name) => {
    expect(provinceSince2025(code)?.name).toBe(name);
  });

  it('returns nothing for a code that was never a province', () => {
    expect(provinceSince2025('003')).toBeUndefined();
  });
});
