import { foldVietnamese } from '../text/fold.ts';

/**
 * Vietnam's 54 ethnic groups (thành phần dân tộc), a statistics dimension of every student report
 * (statistics.md: students by grade × sex × ethnicity (non-Kinh)).
 *
 * Names and order follow the General Statistics Office's list (Danh mục các dân tộc Việt Nam, ordered by population;
 * codes 01 Kinh … 20 Mnông seen in the GSO document). The older Quyết định 121-TCTK/PPCĐ (1979) numbers the same
 * groups in another order (04 Hoa, 05 Khơ-me, 06 Mường …), so the numeric code is export metadata only: records
 * store `key`, which never changes even if a code is corrected. Codes 21–54 were not checked against a transcription
 * of the GSO table (`codeConfirmed: false`).
 */
export interface Ethnicity {
  /** Stable identifier stored in records (ASCII, from the folded name). */
  key: string;
  /** Vietnamese name as written in the GSO list. */
  name: string;
  /** Two-digit GSO code, for exchange with other systems. */
  code: string;
  codeConfirmed: boolean;
  /** Other spellings found in spreadsheets and older lists, for matching typed input. */
  aliases: readonly string[];
}

const NAMES: readonly [key: string, name: string, aliases: readonly string[]][] = [
  ['kinh', 'Kinh', ['Việt']],
  ['tay', 'Tày', []],
  ['thai', 'Thái', []],
  ['muong', 'Mường', []],
  ['khmer', 'Khmer', ['Khơ-me', 'Khơ me', 'Khơme', 'Khơ-me Krôm']],
  ['hoa', 'Hoa', ['Hán']],
  ['nung', 'Nùng', []],
  ['mong', 'Mông', ['HMông', "H'Mông", 'H’Mông', 'Hmong', 'Mèo']],
  ['dao', 'Dao', []],
  ['gia_rai', 'Gia Rai', ['Gia-rai', 'Jrai', 'Giarai']],
  ['e_de', 'Ê Đê', ['Ê-đê', 'Êđê', 'Rhade']],
  ['ba_na', 'Ba Na', ['Ba-na', 'Bahnar']],
  ['san_chay', 'Sán Chay', ['Sán Chí', 'Cao Lan']],
  ['cham', 'Chăm', ['Chàm']],
  ['co_ho', 'Cơ Ho', ['Cơ-ho', 'K’Ho', "K'Ho"]],
  ['xo_dang', 'Xơ Đăng', ['Xơ-đăng', 'Sê Đăng']],
  ['san_diu', 'Sán Dìu', []],
  ['hre', 'Hrê', ['H’rê', "H're"]],
  ['ra_glai', 'Ra Glai', ['Raglay', 'Ra-glai', 'Ra Glay']],
  ['mnong', 'Mnông', ["M'Nông", 'M’Nông']],
  ['tho', 'Thổ', []],
  ['xtieng', 'Xtiêng', ["X'Tiêng", 'X’Tiêng', 'Stiêng']],
  ['kho_mu', 'Khơ Mú', ['Khơ-mú', 'Khmu']],
  ['bru_van_kieu', 'Bru Vân Kiều', ['Bru-Vân Kiều', 'Vân Kiều']],
  ['co_tu', 'Cơ Tu', ['Cơ-tu', 'Cờ Tu', 'Katu']],
  ['giay', 'Giáy', []],
  ['ta_oi', 'Tà Ôi', ['Tà-ôi', "Ta'Oi"]],
  ['ma', 'Mạ', []],
  ['gie_trieng', 'Giẻ Triêng', ['Gié-Triêng', 'Gié Triêng', 'Giẻ-Triêng']],
  ['co', 'Co', ['Cor']],
  ['cho_ro', 'Chơ Ro', ['Chơ-ro', 'Châu Ro']],
  ['xinh_mun', 'Xinh Mun', ['Xinh-mun']],
  ['ha_nhi', 'Hà Nhì', []],
  ['chu_ru', 'Chu Ru', ['Chu-ru']],
  ['lao', 'Lào', []],
  ['la_chi', 'La Chí', []],
  ['khang', 'Kháng', []],
  ['phu_la', 'Phù Lá', []],
  ['la_hu', 'La Hủ', []],
  ['la_ha', 'La Ha', []],
  ['pa_then', 'Pà Thẻn', []],
  ['lu', 'Lự', []],
  ['ngai', 'Ngái', []],
  ['chut', 'Chứt', []],
  ['lo_lo', 'Lô Lô', []],
  ['mang', 'Mảng', []],
  ['co_lao', 'Cơ Lao', ['Cờ Lao']],
  ['bo_y', 'Bố Y', []],
  ['cong', 'Cống', []],
  ['si_la', 'Si La', []],
  ['pu_peo', 'Pu Péo', ['Pu Piéo']],
  ['ro_mam', 'Rơ Măm', ['Rơ-măm']],
  ['brau', 'Brâu', []],
  ['o_du', 'Ơ Đu', ['Ơ-đu']],
];

/** Codes 01–20 were seen in the GSO document; the rest follow its population order as we know it. */
const LAST_CONFIRMED_CODE = 20;

export const ETHNICITIES: readonly Ethnicity[] = NAMES.map(([key, name, aliases], index) => ({
  key,
  name,
  code: String(index + 1).padStart(2, '0'),
  codeConfirmed: index + 1 <= LAST_CONFIRMED_CODE,
  aliases,
}));

export const ETHNICITY_KEYS = NAMES.map(([key]) => key) as readonly string[];

/** The majority group: statistics count "non-Kinh" students (statistics.md). */
export const MAJORITY_ETHNICITY_KEY = 'kinh';

const BY_KEY = new Map(ETHNICITIES.map((ethnicity) => [ethnicity.key, ethnicity]));

/** Spelling-insensitive form: diacritics, case, spaces, hyphens and apostrophes do not matter ("Ê-đê" = "ê đê"). */
const compact = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

const BY_SPELLING = new Map<string, Ethnicity>();
for (const ethnicity of ETHNICITIES) {
  for (const spelling of [ethnicity.name, ethnicity.key, ethnicity.code, ...ethnicity.aliases]) {
    BY_SPELLING.set(compact(spelling), ethnicity);
  }
}

export function ethnicityByKey(key: string): Ethnicity | undefined {
  return BY_KEY.get(key);
}

/**
 * The ethnic group a typed value names — its name with or without diacritics, hyphens or spaces, a common alias
 * ("HMông", "Khơ-me", "Việt"), its key or its GSO code. Undefined when nothing matches. "Dân tộc Tày" is accepted
 * too, as spreadsheets often carry the prefix.
 */
export function findEthnicity(input: string): Ethnicity | undefined {
  const spelling = compact(input);
  if (spelling === '') return undefined;
  return BY_SPELLING.get(spelling) ?? BY_SPELLING.get(spelling.replace(/^dantoc/, ''));
}
