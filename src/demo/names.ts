import type { Gender } from '../platform/db/schema.ts';
import { type Random, type WeightedTable, weighted } from './random.ts';

/**
 * Vietnamese personal names for demo people. Family-name shares of the Kinh majority follow the commonly cited
 * survey figures (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, Phạm ≈ 7 %, Hoàng/Huỳnh ≈ 5 %, Phan ≈ 4.5 %, Vũ/Võ ≈ 4 %,
 * Đặng ≈ 2 %, Bùi ≈ 2 %, Đỗ, Hồ, Ngô ≈ 1.3 %, Dương ≈ 1 %, Lý ≈ 0.5 %); the demo province is in the north, so Hoàng
 * and Vũ outweigh Huỳnh and Võ. Ethnic-minority people draw from their groups' usual family names.
 */
const KINH_FAMILY = weighted([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Hoàng', 4.5],
  ['Huỳnh', 0.6],
  ['Phan', 4.5],
  ['Vũ', 3.2],
  ['Võ', 0.7],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.9],
  ['Trịnh', 0.8],
  ['Đoàn', 0.7],
  ['Lương', 0.6],
  ['Mai', 0.6],
  ['Cao', 0.5],
  ['Đào', 0.5],
  ['Trương', 0.5],
  ['Lưu', 0.4],
  ['Tạ', 0.4],
  ['Phùng', 0.4],
  ['Chu', 0.3],
  ['Kiều', 0.3],
  ['Tô', 0.3],
  ['Vương', 0.3],
  ['Hà', 0.4],
  ['Lâm', 0.3],
  ['Quách', 0.2],
  ['Khúc', 0.1],
] as const);

/** Keys of `src/domain/identity` ethnicities (students store the key, never the name). */
export type DemoEthnicity = 'kinh' | 'muong' | 'thai' | 'tay' | 'dao' | 'mong' | 'nung';

const MINORITY_FAMILY: Record<Exclude<DemoEthnicity, 'kinh'>, WeightedTable<string>> = {
  muong: weighted([
    ['Bùi', 35],
    ['Đinh', 25],
    ['Quách', 10],
    ['Hà', 10],
    ['Xa', 5],
    ['Bạch', 5],
    ['Cao', 5],
    ['Nguyễn', 5],
  ]),
  thai: weighted([
    ['Lò', 25],
    ['Hà', 20],
    ['Lường', 15],
    ['Cầm', 15],
    ['Vi', 10],
    ['Sầm', 5],
    ['Lự', 5],
    ['Mè', 5],
  ]),
  tay: weighted([
    ['Hoàng', 25],
    ['Nông', 20],
    ['Ma', 15],
    ['Lục', 10],
    ['Hà', 10],
    ['Triệu', 10],
    ['Lương', 10],
  ]),
  dao: weighted([
    ['Triệu', 35],
    ['Bàn', 30],
    ['Đặng', 20],
    ['Lý', 15],
  ]),
  mong: weighted([
    ['Giàng', 25],
    ['Sùng', 20],
    ['Thào', 20],
    ['Vàng', 15],
    ['Lầu', 10],
    ['Hầu', 10],
  ]),
  nung: weighted([
    ['Hoàng', 30],
    ['Nông', 25],
    ['Lương', 15],
    ['Vi', 10],
    ['Lăng', 10],
    ['Chu', 10],
  ]),
};

/** Share of each group among the demo province's people (a northern midland province: Kinh with a Mường minority). */
export const ETHNICITY_MIX = weighted<DemoEthnicity>([
  ['kinh', 80],
  ['muong', 12],
  ['thai', 3],
  ['tay', 2],
  ['dao', 1.5],
  ['mong', 1],
  ['nung', 0.5],
]);

/** People born before about 1990 mostly carry Văn / Thị; their children's generation much less so. */
export type Generation = 'adult' | 'child';

const MIDDLE: Record<Generation, Record<Gender, WeightedTable<string>>> = {
  adult: {
    male: weighted([
      ['Văn', 45],
      ['Đức', 8],
      ['Minh', 7],
      ['Quang', 6],
      ['Hữu', 6],
      ['Công', 5],
      ['Đình', 5],
      ['Xuân', 4],
      ['Thanh', 4],
      ['Mạnh', 3],
      ['Trọng', 3],
      ['Ngọc', 2],
      ['Tiến', 2],
    ]),
    female: weighted([
      ['Thị', 55],
      ['Thu', 7],
      ['Thanh', 7],
      ['Ngọc', 6],
      ['Minh', 4],
      ['Hồng', 4],
      ['Kim', 4],
      ['Phương', 4],
      ['Thùy', 3],
      ['Mai', 3],
      ['Hải', 3],
    ]),
  },
  child: {
    male: weighted([
      ['Văn', 14],
      ['Minh', 14],
      ['Gia', 10],
      ['Đức', 9],
      ['Bảo', 8],
      ['Quang', 7],
      ['Hoàng', 6],
      ['Anh', 5],
      ['Tuấn', 5],
      ['Hải', 5],
      ['Nhật', 5],
      ['Duy', 4],
      ['Trung', 4],
      ['Thành', 4],
    ]),
    female: weighted([
      ['Thị', 16],
      ['Ngọc', 12],
      ['Minh', 8],
      ['Bảo', 8],
      ['Khánh', 8],
      ['Thu', 7],
      ['Phương', 7],
      ['Gia', 6],
      ['Thảo', 5],
      ['Hà', 5],
      ['Diệu', 5],
      ['Quỳnh', 5],
      ['Tuệ', 4],
      ['Hoài', 4],
    ]),
  },
};

const GIVEN: Record<Generation, Record<Gender, readonly string[]>> = {
  adult: {
    male: [
      ...['Anh', 'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Long', 'Huy', 'Đức', 'Thắng', 'Trung', 'Sơn'],
      ...['Tùng', 'Hiếu', 'Việt', 'Thành', 'Toàn', 'Vinh', 'Quang', 'Cường', 'Hưng', 'Lộc', 'Nghĩa', 'Tiến'],
      ...['Bình', 'Phong', 'Tâm', 'Thịnh', 'Khải', 'Hòa', 'Quyết', 'Chiến', 'Lâm', 'Hoàng'],
    ],
    female: [
      ...[
        'Anh',
        'Linh',
        'Hương',
        'Hà',
        'Trang',
        'Ngọc',
        'Lan',
        'Mai',
        'Thảo',
        'Hoa',
        'Hằng',
        'Nhung',
        'Phương',
      ],
      ...[
        'Thủy',
        'Huyền',
        'Yến',
        'Dung',
        'Hạnh',
        'Loan',
        'Nga',
        'Oanh',
        'Vân',
        'Hồng',
        'Liên',
        'Tuyết',
        'Hiền',
      ],
      ...['Thu', 'Xuân', 'Lý', 'Nhàn', 'Thơm', 'Hậu', 'Giang', 'Thanh', 'Lệ'],
    ],
  },
  child: {
    male: [
      ...['Khang', 'Phúc', 'An', 'Bảo', 'Minh', 'Khôi', 'Quân', 'Huy', 'Đăng', 'Nam', 'Lâm', 'Thiện', 'Kiệt'],
      ...[
        'Vũ',
        'Hưng',
        'Duy',
        'Long',
        'Phong',
        'Nhật',
        'Tuấn',
        'Đức',
        'Hoàng',
        'Sơn',
        'Tùng',
        'Hải',
        'Quang',
      ],
      ...['Hiếu', 'Việt', 'Thành', 'Trí', 'Khoa', 'Dũng', 'Tiến', 'Đạt', 'Vinh', 'Hùng'],
    ],
    female: [
      ...['An', 'Anh', 'Linh', 'Ngọc', 'Vy', 'Chi', 'Nhi', 'Hân', 'Trang', 'My', 'Ngân', 'Thư', 'Hà', 'Mai'],
      ...[
        'Khánh',
        'Diệp',
        'Hiền',
        'Phương',
        'Thảo',
        'Trâm',
        'Uyên',
        'Yến',
        'Quỳnh',
        'Nhung',
        'Huyền',
        'Châu',
      ],
      ...['Lan', 'Giang', 'Hương', 'Ánh', 'Nguyệt', 'Trinh', 'Tâm', 'Thủy'],
    ],
  },
};

/** Mông names follow their own pattern: "A" (men) or "Thị"/"Mỉ" (women) before a Mông given name. */
const MONG_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Páo', 'Dế', 'Chứ', 'Sử', 'Lử', 'Dình', 'Tủa', 'Vừ', 'Chính', 'Sình', 'Của', 'Pó'],
  female: ['Mai', 'Dợ', 'Sua', 'Chở', 'Pà', 'Dua', 'Xúa', 'Máy', 'Dí', 'Mỷ'],
};

export function familyName(rng: Random, ethnicity: DemoEthnicity): string {
  return rng.pickWeighted(ethnicity === 'kinh' ? KINH_FAMILY : MINORITY_FAMILY[ethnicity]);
}

/** A full name "Họ Đệm Tên"; pass `family` to keep a child's family name equal to the father's. */
export function personName(
  rng: Random,
  options: { gender: Gender; generation: Generation; ethnicity: DemoEthnicity; family?: string },
): string {
  const { gender, generation, ethnicity } = options;
  const family = options.family ?? familyName(rng, ethnicity);
  if (ethnicity === 'mong') {
    const middle = gender === 'male' ? 'A' : rng.pick(['Thị', 'Mỉ']);
    return `${family} ${middle} ${rng.pick(MONG_GIVEN[gender])}`;
  }
  const middles = [rng.pickWeighted(MIDDLE[generation][gender])];
  // Children's names often carry two middle words ("Nguyễn Ngọc Bảo Anh").
  if (generation === 'child' && !isPlainMiddle(middles[0]) && rng.chance(0.12)) {
    const second = rng.pickWeighted(MIDDLE.child[gender]);
    if (!isPlainMiddle(second)) middles.push(second);
  }
  const unique = [...new Set(middles)].filter((m) => m !== family);
  // A given name repeating a middle name ("Đức Đức") does not occur; draw again.
  let given = rng.pick(GIVEN[generation][gender]);
  while (unique.includes(given)) given = rng.pick(GIVEN[generation][gender]);
  return [family, ...unique, given].join(' ');
}

const isPlainMiddle = (middle: string | undefined) => middle === 'Văn' || middle === 'Thị';
