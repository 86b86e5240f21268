import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, compareVietnameseText, sortByVietnameseName } from './collation.ts';

const sortText = (words: readonly string[]) => [...words].sort(compareVietnameseText);
const sortNames = (names: readonly string[]) => [...names].sort(compareVietnameseNames);
const shuffle = <T>(items: readonly T[]): T[] => [...items].reverse();

describe('compareVietnameseText — dictionary order', () => {
  it('orders the letters a ă â b c d đ e ê … o ô ơ … u ư v x y', () => {
    const letters = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm'];
    const more = ['n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
    expect(sortText(shuffle([...letters, ...more]))).toEqual([...letters, ...more]);
  });

  it('orders the tones ngang, huyền, hỏi, ngã, sắc, nặng (Vietlex dictionary rule, CLDR vi)', () => {
    expect(sortText(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('agrees with the browser and ICU (Intl.Collator vi) on single syllables', () => {
    const words = [
      'mạ',
      'má',
      'mã',
      'mả',
      'mà',
      'ma',
      'mă',
      'mâ',
      'mặn',
      'mân',
      'anh',
      'ánh',
      'ang',
      'ác',
      'ách',
    ];
    const collator = new Intl.Collator('vi');
    expect(sortText(words)).toEqual([...words].sort(collator.compare));
  });

  it('compares letters first and tones only to break a tie: ác < ách, ang < anh whatever the tones', () => {
    expect(sortText(['ách', 'ác'])).toEqual(['ác', 'ách']);
    expect(sortText(['anh', 'àng'])).toEqual(['àng', 'anh']);
    expect(sortText(['Bằng', 'Bắc', 'Bang', 'Bách'])).toEqual(['Bách', 'Bang', 'Bắc', 'Bằng']);
  });

  it('treats the old and new tone placements as the same word: Hoà = Hòa, Thuỷ = Thủy', () => {
    expect(compareVietnameseText('Hoà', 'Hòa')).toBe(0);
    expect(compareVietnameseText('Thuỷ', 'Thủy')).toBe(0);
    expect(compareVietnameseText('hòa', 'Hoà')).toBe(0);
  });

  it('gives the same order for decomposed (NFD) and composed input', () => {
    const words = ['Ửng', 'Ưng', 'Ước', 'Uyên', 'Út', 'Ương'];
    const expected = sortText(words);
    expect(sortText(words.map((word) => word.normalize('NFD')))).toEqual(
      expected.map((word) => word.normalize('NFD')),
    );
    expect(expected).toEqual(['Út', 'Uyên', 'Ưng', 'Ửng', 'Ước', 'Ương']);
  });

  it('puts shorter words first when one is the start of the other', () => {
    expect(sortText(['Anh', 'An'])).toEqual(['An', 'Anh']);
    expect(sortText(['Thị Minh', 'Thị'])).toEqual(['Thị', 'Thị Minh']);
  });
});

describe('compareVietnameseNames — class list order', () => {
  it('sorts a real class list by given name, then middle name, then family name', () => {
    const classList = [
      'Trần Thị An',
      'Nguyễn Văn An',
      'Lê Hoàng Anh',
      'Vũ Ngọc Ánh',
      'Phạm Minh Ân',
      'Đỗ Gia Bảo',
      'Bùi Thanh Bình',
      'Hoàng Thị Chi',
      'Ngô Tiến Dũng',
      'Đặng Thùy Dương',
      'Ngô Quốc Đạt',
      'Lý Hương Giang',
      'Mai Thu Hà',
      'Đinh Văn Hải',
      // Hòa and Hoà compare equal on the given name, so the middle name decides: Minh < Thị.
      'Trịnh Minh Hòa',
      'Lê Thị Hoà',
      'Phan Đức Huy',
      'Huỳnh Thị Yến Nhi',
      'Dương Minh Tuấn',
      'Lưu Quang Vũ',
      'Võ Thị Ý',
    ];
    expect(sortNames(shuffle(classList))).toEqual(classList);
  });

  it('orders students with the same given name by middle name, then by family name', () => {
    expect(sortNames(['Nguyễn Văn An', 'Lê Văn An', 'Trần Thị An', 'Lê An'])).toEqual([
      'Lê An',
      'Trần Thị An',
      'Lê Văn An',
      'Nguyễn Văn An',
    ]);
  });

  it('puts Đ after all D, and ư after u (Dũng < Dương < Đạt)', () => {
    expect(sortNames(['Ngô Quốc Đạt', 'Đặng Thùy Dương', 'Ngô Tiến Dũng'])).toEqual([
      'Ngô Tiến Dũng',
      'Đặng Thùy Dương',
      'Ngô Quốc Đạt',
    ]);
  });

  it('gives 0 for the same name written with old and new tone placement, so a stable sort keeps input order', () => {
    expect(compareVietnameseNames('Lê Thị Hoà', 'Lê Thị Hòa')).toBe(0);
    expect(sortNames(['Lê Thị Hòa', 'Lê Thị Hoà'])).toEqual(['Lê Thị Hòa', 'Lê Thị Hoà']);
  });

  it('ignores case and extra spaces', () => {
    expect(compareVietnameseNames('NGUYỄN  VĂN AN', 'nguyễn văn an')).toBe(0);
  });

  it('sorts the same whether names arrive composed or decomposed', () => {
    const names = ['Hồ Thị Ửng', 'Lê Văn Út', 'Phạm Thị Ưng'];
    expect(
      sortNames(names.map((name) => name.normalize('NFD'))).map((name) => name.normalize('NFC')),
    ).toEqual(['Lê Văn Út', 'Phạm Thị Ưng', 'Hồ Thị Ửng']);
  });
});

describe('sortByVietnameseName — the same order, each key computed once', () => {
  it('orders by tên, then tên đệm, then họ, exactly as compareVietnameseNames does', () => {
    const names = ['Lê Bình', 'Nguyễn Văn An', 'Trần Thị An', 'Đỗ Văn Ánh', 'Phạm Hoà', 'Bùi Hòa', 'An'];
    const expected = [...names].sort(compareVietnameseNames);
    expect(sortByVietnameseName(names, (n) => n)).toEqual(expected);
  });
});
