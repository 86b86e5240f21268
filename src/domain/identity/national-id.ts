import type { Issue } from './issue.ts';
import { birthProvinceName, isBirthAbroadCode } from './province-codes.ts';

/**
 * The personal ID number (số định danh cá nhân, printed on the căn cước / CCCD card): 12 digits `PPP G YY RRRRRR`.
 *
 * Nghị định 137/2015/NĐ-CP Điều 13 and Thông tư 07/2016/TT-BCA Điều 7 (replaced by Thông tư 59/2021/TT-BCA, same
 * structure; Luật Căn cước 2023 Điều 12 keeps "12 chữ số"):
 * - PPP: code of the province (or country) where the birth was registered;
 * - G: century of birth and sex — 0/1 born 1900–1999 male/female, 2/3 2000–2099, 4/5 2100–2199, 6/7 2200–2299,
 *   8/9 2300–2399;
 * - YY: last two digits of the birth year;
 * - RRRRRR: random. There is no check digit, so a typo in the random part cannot be detected.
 */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export interface NationalIdPerson {
  /** YYYY-MM-DD, as recorded for the student or staff member. */
  birthDate?: string;
  gender?: Gender;
}

export interface DecodedNationalId {
  /** The first three digits: a birth-registration province code, or a country code for births abroad. */
  provinceCode: string;
  /** Pre-2025 province name when `provinceCode` is a known province code. */
  provinceName?: string;
  /** Where the birth was registered, as far as the code tells. */
  birthPlaceKind: 'province' | 'abroad' | 'unknown';
  birthYear: number;
  gender: Gender;
}

export interface NationalIdCheck {
  ok: boolean;
  /** The number after trimming surrounding whitespace; store this. */
  normalised: string;
  errors: Issue[];
  warnings: Issue[];
  /** Present whenever the number has the right shape, even when warnings were raised. */
  decoded?: DecodedNationalId;
}

const FIELD = 'Số định danh cá nhân';

/** Trims surrounding whitespace only; inner characters are never changed (a stored ID is compared as typed). */
export function normaliseNationalId(input: string): string {
  return input.trim();
}

export function checkNationalId(input: string, person?: NationalIdPerson): NationalIdCheck {
  const normalised = normaliseNationalId(input);
  const shapeError = shapeIssue(normalised);
  if (shapeError) return { ok: false, normalised, errors: [shapeError], warnings: [] };

  const decoded = decodeNationalId(normalised);
  const warnings: Issue[] = [];
  const placeWarning = birthPlaceIssue(decoded);
  if (placeWarning) warnings.push(placeWarning);

  // G ≥ 4 means a birth in 2100 or later: impossible for anyone alive today (revisit before 2100).
  if (decoded.birthYear >= 2100) {
    warnings.push({
      code: 'national_id.century_in_future',
      message: `${FIELD} có chữ số thứ 4 là ${normalised[3]}, nghĩa là sinh từ năm 2100 trở đi. Kiểm tra lại chữ số thứ 4 (0/1: sinh 1900–1999, 2/3: sinh 2000–2099).`,
    });
  }
  warnings.push(...personIssues(normalised, decoded, person));
  return { ok: true, normalised, errors: [], warnings, decoded };
}

/** Decodes a number already known to be 12 digits. */
export function decodeNationalId(id: string): DecodedNationalId {
  const provinceCode = id.slice(0, 3);
  const centuryAndSex = Number(id[3]);
  const provinceName = birthProvinceName(provinceCode);
  const birthPlaceKind = provinceName ? 'province' : isBirthAbroadCode(provinceCode) ? 'abroad' : 'unknown';
  return {
    provinceCode,
    ...(provinceName ? { provinceName } : {}),
    birthPlaceKind,
    birthYear: 1900 + 100 * Math.floor(centuryAndSex / 2) + Number(id.slice(4, 6)),
    gender: centuryAndSex % 2 === 0 ? 'male' : 'female',
  };
}

function shapeIssue(id: string): Issue | undefined {
  if (id === '') {
    return {
      code: 'national_id.empty',
      message: `${FIELD} đang để trống. Nhập đủ 12 chữ số in trên thẻ căn cước.`,
    };
  }
  if (/\s/.test(id)) {
    return {
      code: 'national_id.contains_space',
      message: `${FIELD} có dấu cách ở giữa. Nhập 12 chữ số liền nhau, không có dấu cách.`,
    };
  }
  if (!/^[0-9]+$/.test(id)) {
    return {
      code: 'national_id.not_digits',
      message: `${FIELD} chỉ gồm chữ số 0–9, không có chữ cái hay ký hiệu. Nhập lại đúng 12 chữ số in trên thẻ căn cước.`,
    };
  }
  if (id.length === 9) {
    // The 9-digit chứng minh nhân dân is a different number: its holder also has a 12-digit personal ID.
    return {
      code: 'national_id.old_identity_card',
      message: `${FIELD} phải có 12 chữ số; số 9 chữ số là số chứng minh nhân dân cũ. Nhập số định danh 12 chữ số (trên thẻ căn cước hoặc trong ứng dụng VNeID).`,
    };
  }
  if (id.length !== 12) {
    return {
      code: 'national_id.wrong_length',
      message: `${FIELD} phải có đúng 12 chữ số, số đã nhập có ${id.length} chữ số. Kiểm tra lại xem có thiếu hoặc thừa chữ số nào không.`,
    };
  }
  return undefined;
}

function birthPlaceIssue(decoded: DecodedNationalId): Issue | undefined {
  if (decoded.birthPlaceKind === 'province') return undefined;
  if (decoded.birthPlaceKind === 'abroad') {
    // Rare among our students, and also what a slip of the first digit (0 → 1 or 2) produces: ask to confirm.
    return {
      code: 'national_id.birth_registered_abroad',
      message: `${FIELD} bắt đầu bằng ${decoded.provinceCode}, là mã dành cho người đăng ký khai sinh ở nước ngoài. Nếu người này đăng ký khai sinh trong nước, kiểm tra lại 3 chữ số đầu.`,
    };
  }
  // Not an error: codes may be added (e.g. after the 2025 merger), and a number already issued never changes.
  return {
    code: 'national_id.unknown_place_code',
    message: `${FIELD} bắt đầu bằng ${decoded.provinceCode}, không phải mã tỉnh, thành phố nào trong danh mục đã biết. Kiểm tra lại 3 chữ số đầu với thẻ căn cước; nếu đúng như thẻ thì có thể giữ nguyên.`,
  };
}

function personIssues(id: string, decoded: DecodedNationalId, person: NationalIdPerson | undefined): Issue[] {
  if (!person) return [];
  const issues: Issue[] = [];
  if (person.gender && person.gender !== decoded.gender) {
    issues.push({
      code: 'national_id.gender_mismatch',
      message: `${FIELD} có chữ số thứ 4 là ${id[3]}, ứng với giới tính ${genderLabel(decoded.gender)}, nhưng hồ sơ ghi ${genderLabel(person.gender)}. Kiểm tra lại số định danh hoặc giới tính trong hồ sơ.`,
    });
  }
  if (person.birthDate === undefined) return issues;
  const recordedYear = birthYearOf(person.birthDate);
  if (recordedYear === undefined) {
    issues.push({
      code: 'national_id.birth_date_unreadable',
      message: `Ngày sinh trong hồ sơ (${person.birthDate}) không đúng dạng năm-tháng-ngày nên chưa đối chiếu được với ${FIELD.toLowerCase()}. Sửa ngày sinh trong hồ sơ.`,
    });
    return issues;
  }
  if (Math.floor(recordedYear / 100) !== Math.floor(decoded.birthYear / 100)) {
    issues.push({
      code: 'national_id.century_mismatch',
      message: `${FIELD} có chữ số thứ 4 là ${id[3]}, ứng với người sinh trong các năm ${centuryRange(decoded.birthYear)}, nhưng hồ sơ ghi năm sinh ${recordedYear}. Kiểm tra lại chữ số thứ 4 hoặc năm sinh trong hồ sơ.`,
    });
  }
  if (recordedYear % 100 !== decoded.birthYear % 100) {
    issues.push({
      code: 'national_id.birth_year_mismatch',
      message: `${FIELD} có chữ số thứ 5–6 là ${id.slice(4, 6)}, nhưng hồ sơ ghi năm sinh ${recordedYear} (phải là ${String(recordedYear % 100).padStart(2, '0')}). Kiểm tra lại số định danh hoặc năm sinh trong hồ sơ.`,
    });
  }
  return issues;
}

function birthYearOf(birthDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? year : undefined;
}

function centuryRange(year: number): string {
  const start = Math.floor(year / 100) * 100;
  return `${start}–${start + 99}`;
}

function genderLabel(gender: Gender): string {
  return gender === 'male' ? 'nam' : 'nữ';
}
