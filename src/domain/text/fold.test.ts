import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './fold.ts';
import { matchesSearch } from './search.ts';

const decomposed = (text: string) => text.normalize('NFD');

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['NGUYỄN  VĂN ĂN', 'nguyen van an'],
    ['nguyen van an', 'nguyen van an'],
    ['Đặng Thùy Dương', 'dang thuy duong'],
    ['ĐỖ HỮU THẮNG', 'do huu thang'],
    ['Trương Thị Ngọc Ánh', 'truong thi ngoc anh'],
    ['Lưu Quang Vũ', 'luu quang vu'],
    ['Phạm Thị Thu Hường', 'pham thi thu huong'],
    ['Bùi Thị Ơn', 'bui thi on'],
    ['Ksor H’Ling', 'ksor h’ling'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds decomposed input (NFD, as from macOS or converted Excel files) like composed input', () => {
    for (const name of ['Nguyễn Văn An', 'Đặng Thùy Dương', 'Hoàng Thị Ửng', 'Lê Thị Diệp']) {
      expect(decomposed(name)).not.toBe(name);
      expect(foldVietnamese(decomposed(name))).toBe(foldVietnamese(name));
    }
  });

  it('folds the old and new tone placements equal: Hoà/Hòa, Thuỷ/Thủy, Khoẻ/Khỏe, Quý/Qúy', () => {
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
    expect(foldVietnamese('Khoẻ')).toBe(foldVietnamese('Khỏe'));
    expect(foldVietnamese('Qúy')).toBe(foldVietnamese('Quý'));
  });

  it('maps đ and Đ to d, and the look-alike Ð/ð from legacy encodings too', () => {
    expect(foldVietnamese('Đinh đức')).toBe('dinh duc');
    expect(foldVietnamese('\u00d0inh \u00f0ức')).toBe('dinh duc');
  });

  it('folds ư, ơ, ă, â, ê, ô to their base vowels, in either case', () => {
    expect(foldVietnamese('ư ơ ă â ê ô Ư Ơ Ă Â Ê Ô')).toBe('u o a a e o u o a a e o');
  });

  it('collapses tabs, new lines, no-break spaces and removes zero-width characters', () => {
    expect(foldVietnamese('  Nguyễn\tVăn\u00a0\u00a0An \n')).toBe('nguyen van an');
    expect(foldVietnamese('Ngu\u200byễn\ufeff Văn')).toBe('nguyen van');
  });

  it('returns an empty string for blank input', () => {
    expect(foldVietnamese(' \t\n')).toBe('');
  });
});

describe('matchesSearch', () => {
  it('finds a student by the name typed without diacritics', () => {
    expect(matchesSearch('Nguyễn Văn An', 'nguyen van an')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'NGUYỄN VĂN ĂN')).toBe(true);
  });

  it('finds by some of the words, in any order', () => {
    expect(matchesSearch('Trần Thị Bích Ngọc', 'ngoc tran')).toBe(true);
    expect(matchesSearch('Trần Thị Bích Ngọc', 'bich')).toBe(true);
  });

  it('finds by the beginning of a word while typing', () => {
    expect(matchesSearch('Nguyễn Văn An', 'ngu')).toBe(true);
    expect(matchesSearch('Đặng Thùy Dương', 'd t d')).toBe(true);
  });

  it('requires every query word to appear', () => {
    expect(matchesSearch('Nguyễn Văn An', 'nguyen binh')).toBe(false);
  });

  it('matches Hoà typed as Hòa and decomposed input typed as composed', () => {
    expect(matchesSearch('Lê Thị Hoà', 'hòa')).toBe(true);
    expect(matchesSearch(decomposed('Lê Thị Hòa'), 'Hoà')).toBe(true);
  });

  it('matches everything for an empty or blank query', () => {
    expect(matchesSearch('Nguyễn Văn An', '')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', '   ')).toBe(true);
  });

  it('searches any text, not only names (class 6A1, school names)', () => {
    expect(matchesSearch('Trường THCS Lê Quý Đôn — lớp 6A1', 'le quy don 6a1')).toBe(true);
  });
});
