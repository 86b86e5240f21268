import { describe, expect, it } from 'vitest';
import { normaliseName, splitVietnameseName } from './name.ts';

describe('normaliseName', () => {
  it.each([
    ['nguyễn văn an', 'Nguyễn Văn An'],
    ['NGUYỄN  VĂN AN', 'Nguyễn Văn An'],
    ['  trần thị   bích ngọc ', 'Trần Thị Bích Ngọc'],
    ['đặng thùy dương', 'Đặng Thùy Dương'],
    ['ĐỖ HỮU THẮNG', 'Đỗ Hữu Thắng'],
    ['ưng hoàng phúc', 'Ưng Hoàng Phúc'],
    ['ông ích khiêm', 'Ông Ích Khiêm'],
    ['ơn', 'Ơn'],
    ["h'hen niê", "H'Hen Niê"],
    ['ksor h’ling', 'Ksor H’Ling'],
    ['hờ a dình', 'Hờ A Dình'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('stores decomposed input (NFD) as composed (NFC)', () => {
    const result = normaliseName('nguyễn thị diệp'.normalize('NFD'));
    expect(result).toBe('Nguyễn Thị Diệp');
    expect(result).toBe(result.normalize('NFC'));
    expect(result.length).toBe('Nguyễn Thị Diệp'.length);
  });

  it('keeps the tone placement as typed, because a name must match the birth certificate', () => {
    expect(normaliseName('lê thị hoà')).toBe('Lê Thị Hoà');
    expect(normaliseName('lê thị hòa')).toBe('Lê Thị Hòa');
    expect(normaliseName('vũ thị thuỷ')).toBe('Vũ Thị Thuỷ');
  });

  it('replaces the look-alike Ð/ð (Icelandic eth from legacy encodings) with Đ/đ', () => {
    expect(normaliseName('\u00d0inh \u00f0\u00f4ng')).toBe('Đinh Đông');
  });

  it('removes zero-width characters pasted from spreadsheets and returns empty for blank input', () => {
    expect(normaliseName('Ngu\u200byễn Văn\u00a0An')).toBe('Nguyễn Văn An');
    expect(normaliseName(' \t ')).toBe('');
  });
});

describe('splitVietnameseName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn', 'Văn', 'An'],
    ['Trần Thị Bích Ngọc', 'Trần', 'Thị Bích', 'Ngọc'],
    ['Lê Hoàng Anh Thư', 'Lê', 'Hoàng Anh', 'Thư'],
    ['Phạm Duy', 'Phạm', '', 'Duy'],
    ['Nguyễn Thị Minh Khai', 'Nguyễn', 'Thị Minh', 'Khai'],
    ['Ksor H’Ling', 'Ksor', '', 'H’Ling'],
  ])('splits %s into family %s, middle %s, given %s', (full, familyName, middleName, givenName) => {
    expect(splitVietnameseName(full)).toEqual({ familyName, middleName, givenName });
  });

  it('takes a single word as the given name', () => {
    expect(splitVietnameseName('Hùng')).toEqual({ familyName: '', middleName: '', givenName: 'Hùng' });
  });

  it('returns empty parts for a blank name', () => {
    expect(splitVietnameseName('   ')).toEqual({ familyName: '', middleName: '', givenName: '' });
  });

  it('collapses whitespace and composes decomposed input, but keeps the case as given', () => {
    expect(splitVietnameseName('  nguyễn \t VĂN   an '.normalize('NFD'))).toEqual({
      familyName: 'nguyễn',
      middleName: 'VĂN',
      givenName: 'an',
    });
  });

  it('treats a compound family name (Tôn Thất) as family plus middle name — a documented limit', () => {
    expect(splitVietnameseName('Tôn Thất Thuyết')).toEqual({
      familyName: 'Tôn',
      middleName: 'Thất',
      givenName: 'Thuyết',
    });
  });
});
