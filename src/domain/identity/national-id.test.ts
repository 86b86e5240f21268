import { describe, expect, it } from 'vitest';
import { checkNationalId, decodeNationalId } from './national-id.ts';

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('số định danh cá nhân — shape', () => {
  it('accepts 12 digits and decodes a boy born in Hà Nội in 2003', () => {
    const result = checkNationalId('001203012345');
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.decoded).toEqual({
      provinceCode: '001',
      provinceName: 'Hà Nội',
      birthPlaceKind: 'province',
      birthYear: 2003,
      gender: 'male',
    });
  });

  it('trims surrounding whitespace, including tabs and no-break spaces', () => {
    const result = checkNationalId(' \t079306001234\u00a0\n');
    expect(result.ok).toBe(true);
    expect(result.normalised).toBe('079306001234');
    expect(result.decoded?.provinceName).toBe('Hồ Chí Minh');
  });

  it('rejects an empty value', () => {
    expect(codes(checkNationalId('   ').errors)).toEqual(['national_id.empty']);
  });

  it('rejects spaces inside the number, as printed in groups on some forms', () => {
    const result = checkNationalId('001 203 012 345');
    expect(result.ok).toBe(false);
    expect(codes(result.errors)).toEqual(['national_id.contains_space']);
    expect(result.decoded).toBeUndefined();
  });

  it.each([
    ['a letter', '00120301234A'],
    ['a dash', '001-203012345'],
    ['full-width digits from a Japanese or Chinese keyboard', '００１２０３０１２３４５'],
    ['Arabic-Indic digits', '٠٠١٢٠٣٠١٢٣٤٥'],
  ])('rejects %s', (_label, input) => {
    expect(codes(checkNationalId(input).errors)).toEqual(['national_id.not_digits']);
  });

  it.each([
    ['11 digits', '00120301234', 11],
    ['13 digits', '0012030123456', 13],
  ])('rejects %s and says how many were typed', (_label, input, count) => {
    const result = checkNationalId(input);
    expect(codes(result.errors)).toEqual(['national_id.wrong_length']);
    expect(result.errors[0]?.message).toContain(`${count} chữ số`);
  });

  it('explains that a 9-digit number is the old chứng minh nhân dân, not the personal ID', () => {
    const result = checkNationalId('123456789');
    expect(codes(result.errors)).toEqual(['national_id.old_identity_card']);
    expect(result.errors[0]?.message).toContain('chứng minh nhân dân');
  });

  it('writes every message in Vietnamese, naming the field', () => {
    for (const input of ['', '1 2', 'abc', '123456789', '1234']) {
      expect(checkNationalId(input).errors[0]?.message).toContain('Số định danh cá nhân');
    }
  });
});

describe('số định danh cá nhân — century and sex digit (TT 07/2016/TT-BCA Điều 7)', () => {
  it.each([
    ['0', 1985, 'male'],
    ['1', 1985, 'female'],
    ['2', 2085, 'male'],
    ['3', 2085, 'female'],
    ['4', 2185, 'male'],
    ['5', 2185, 'female'],
    ['6', 2285, 'male'],
    ['7', 2285, 'female'],
    ['8', 2385, 'male'],
    ['9', 2385, 'female'],
  ] as const)('digit %s with year digits 85 means born in %i, %s', (digit, year, gender) => {
    const decoded = decodeNationalId(`038${digit}85123456`);
    expect(decoded.birthYear).toBe(year);
    expect(decoded.gender).toBe(gender);
  });

  it('decodes year digits 00 as the first year of the century (2000, not 2100)', () => {
    expect(decodeNationalId('040200123456').birthYear).toBe(2000);
    expect(decodeNationalId('040099123456').birthYear).toBe(1999);
  });

  it('warns when the century digit means a birth in 2100 or later', () => {
    const result = checkNationalId('001410123456');
    expect(result.ok).toBe(true);
    expect(codes(result.warnings)).toEqual(['national_id.century_in_future']);
  });
});

describe('số định danh cá nhân — birth-registration place', () => {
  it('names the pre-2025 province even for provinces merged in 2025 (issued numbers never change)', () => {
    const result = checkNationalId('034308004321');
    expect(result.warnings).toEqual([]);
    expect(result.decoded?.provinceName).toBe('Thái Bình');
  });

  it('warns, without rejecting, when the first three digits are not a known code', () => {
    const result = checkNationalId('003208004321');
    expect(result.ok).toBe(true);
    expect(codes(result.warnings)).toEqual(['national_id.unknown_place_code']);
    expect(result.decoded?.birthPlaceKind).toBe('unknown');
    expect(result.decoded?.provinceName).toBeUndefined();
  });

  it('asks to confirm a code for a birth registered abroad, which a slip of the first digit also produces', () => {
    const result = checkNationalId('179208004321');
    expect(result.ok).toBe(true);
    expect(result.decoded?.birthPlaceKind).toBe('abroad');
    expect(codes(result.warnings)).toEqual(['national_id.birth_registered_abroad']);
  });

  it('treats 000 and codes above 295 as unknown', () => {
    expect(checkNationalId('000208004321').decoded?.birthPlaceKind).toBe('unknown');
    expect(checkNationalId('296208004321').decoded?.birthPlaceKind).toBe('unknown');
  });
});

describe('số định danh cá nhân — agreement with the record', () => {
  it('raises no warning when sex, century and year digits match the record', () => {
    const result = checkNationalId('001311012345', { birthDate: '2011-09-05', gender: 'female' });
    expect(result.warnings).toEqual([]);
  });

  it('warns when the sex digit disagrees with the recorded gender', () => {
    const result = checkNationalId('001211012345', { birthDate: '2011-09-05', gender: 'female' });
    expect(codes(result.warnings)).toEqual(['national_id.gender_mismatch']);
    expect(result.warnings[0]?.message).toContain('nam');
  });

  it('warns when the century digit disagrees with the recorded birth century', () => {
    const result = checkNationalId('001011012345', { birthDate: '2011-09-05', gender: 'male' });
    expect(codes(result.warnings)).toEqual(['national_id.century_mismatch']);
  });

  it('warns when digits 5–6 are not the last two digits of the recorded birth year', () => {
    const result = checkNationalId('001212012345', { birthDate: '2011-09-05' });
    expect(codes(result.warnings)).toEqual(['national_id.birth_year_mismatch']);
    expect(result.warnings[0]?.message).toContain('11');
  });

  it('warns about both century and year when the number belongs to someone else entirely', () => {
    const result = checkNationalId('001085012345', { birthDate: '2011-09-05', gender: 'female' });
    expect(codes(result.warnings)).toEqual([
      'national_id.gender_mismatch',
      'national_id.century_mismatch',
      'national_id.birth_year_mismatch',
    ]);
  });

  it('does not compare with a birth date it cannot read, and says so', () => {
    for (const birthDate of ['05/09/2011', '2011-02-30', '2011-9-5']) {
      const result = checkNationalId('001211012345', { birthDate });
      expect(codes(result.warnings)).toEqual(['national_id.birth_date_unreadable']);
    }
  });

  it('skips the comparisons it has no data for', () => {
    expect(checkNationalId('001211012345', {}).warnings).toEqual([]);
    expect(checkNationalId('001211012345', { gender: 'male' }).warnings).toEqual([]);
  });

  it('does not compare anything when the number itself is rejected', () => {
    const result = checkNationalId('00121101234', { birthDate: '1990-01-01', gender: 'female' });
    expect(result.warnings).toEqual([]);
  });
});
