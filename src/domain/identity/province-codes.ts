/**
 * Codes of the place where a birth was registered — the first three digits of the personal ID number.
 *
 * Source: Thông tư 07/2016/TT-BCA, Phụ lục I (kept by Thông tư 59/2021/TT-BCA, which replaced it), as transcribed by
 * thuvienphapluat.vn and others. The codes follow the 63 provinces that existed before the 2025 reform. An ID number
 * never changes once issued, so these codes stay valid after the provinces merged on 1 July 2025; see
 * `province-mergers-2025.ts` for where each old province went.
 *
 * Names are the names used in the circular (e.g. "Hồ Chí Minh", "Thừa Thiên Huế").
 */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/**
 * Codes 101–295 stand for countries, used when the birth was registered abroad (Thông tư 07/2016/TT-BCA, Phụ lục
 * II). `confirmed: false`: the range comes from a third-party transcription of that annex
 * (github.com/hongquan/vietnam-personal-id, dev/countries-code.csv), not from the official text, and we do not ship
 * the country names for the same reason.
 */
export const BIRTH_ABROAD_CODE_RANGE = { min: 101, max: 295, confirmed: false } as const;

/** Name of the pre-2025 province for a birth-registration code, or undefined when the code is not a province. */
export function birthProvinceName(code: string): string | undefined {
  return Object.hasOwn(BIRTH_PROVINCE_CODES, code) ? BIRTH_PROVINCE_CODES[code] : undefined;
}

/** True when the three-digit code falls in the range used for births registered abroad. */
export function isBirthAbroadCode(code: string): boolean {
  if (!/^\d{3}$/.test(code)) return false;
  const value = Number(code);
  return value >= BIRTH_ABROAD_CODE_RANGE.min && value <= BIRTH_ABROAD_CODE_RANGE.max;
}
