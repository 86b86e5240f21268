import { describe, expect, it } from 'vitest';
import { ETHNICITIES, ethnicityByKey, findEthnicity } from './ethnicities.ts';

describe('the 54 ethnic groups of Vietnam', () => {
  it('lists 54 groups with unique keys, names and two-digit codes 01–54', () => {
    expect(ETHNICITIES).toHaveLength(54);
    expect(new Set(ETHNICITIES.map((e) => e.key)).size).toBe(54);
    expect(new Set(ETHNICITIES.map((e) => e.name)).size).toBe(54);
    expect(ETHNICITIES.map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('starts with Kinh and keeps the GSO population order for the codes seen (04 Mường, 05 Khmer, 20 Mnông)', () => {
    expect(ethnicityByKey('kinh')?.code).toBe('01');
    expect(ethnicityByKey('muong')?.code).toBe('04');
    expect(ethnicityByKey('khmer')?.code).toBe('05');
    expect(ethnicityByKey('mnong')).toMatchObject({ code: '20', codeConfirmed: true });
    expect(ethnicityByKey('o_du')).toMatchObject({ code: '54', codeConfirmed: false });
  });

  it.each([
    ['Tày', 'tay'],
    ['tay', 'tay'],
    ['Ê-đê', 'e_de'],
    ['Ê Đê', 'e_de'],
    ['ede', 'e_de'],
    ['HMông', 'mong'],
    ["H'Mông", 'mong'],
    ['Khơ-me', 'khmer'],
    ['Dân tộc Mường', 'muong'],
    ['Việt', 'kinh'],
    ['BRU - VÂN KIỀU', 'bru_van_kieu'],
    ['05', 'khmer'],
    ['Mạ', 'ma'],
    ['Mảng', 'mang'],
  ])('finds %s typed in a spreadsheet as %s', (input, key) => {
    expect(findEthnicity(input)?.key).toBe(key);
  });

  it('finds nothing for an unknown or blank value', () => {
    expect(findEthnicity('Người sao Hỏa')).toBeUndefined();
    expect(findEthnicity('  ')).toBeUndefined();
  });

  it('gives every alias a single meaning (no spelling names two groups)', () => {
    for (const ethnicity of ETHNICITIES) {
      for (const alias of ethnicity.aliases) expect(findEthnicity(alias)?.key).toBe(ethnicity.key);
    }
  });
});
