import type { Issue } from './issue.ts';

/**
 * The student code on the education sector database (mã định danh học sinh, CSDL ngành).
 *
 * Thông tư 42/2021/TT-BGDĐT Điều 10: each person's code is unique, created at the first entry into the database,
 * never changed or deleted, and used across all school levels. Its format is not published, so we store it as an
 * opaque string: never derive, reformat or upper-case it.
 *
 * The only published hint of its shape is Thông tư 26/2019/TT-BGDĐT (replaced by TT 42/2021), which the press
 * summarised as "a unique code of 20 characters, generated automatically". We therefore reject values longer than
 * 20 characters and nothing else beyond blanks and whitespace — `confirmed: false` for the limit.
 */
export const MOET_STUDENT_CODE_MAX_LENGTH = 20;

export interface MoetStudentCodeCheck {
  ok: boolean;
  normalised: string;
  errors: Issue[];
}

const FIELD = 'Mã định danh học sinh (CSDL ngành)';

/** Trims surrounding whitespace; nothing else, because the code is opaque. */
export function normaliseMoetStudentCode(input: string): string {
  return input.trim();
}

export function checkMoetStudentCode(input: string): MoetStudentCodeCheck {
  const normalised = normaliseMoetStudentCode(input);
  const error = issueFor(normalised);
  return { ok: !error, normalised, errors: error ? [error] : [] };
}

function issueFor(code: string): Issue | undefined {
  if (code === '') {
    return {
      code: 'moet_student_code.empty',
      message: `${FIELD} đang để trống. Nhập mã đúng như trên cơ sở dữ liệu ngành.`,
    };
  }
  // \p{C} covers control and invisible format characters (e.g. a zero-width space pasted from a spreadsheet).
  if (/[\s\p{C}]/u.test(code)) {
    return {
      code: 'moet_student_code.contains_space',
      message: `${FIELD} có dấu cách hoặc ký tự ẩn ở giữa. Sao chép lại mã từ cơ sở dữ liệu ngành, không thêm dấu cách.`,
    };
  }
  // Counted in code points so that any non-ASCII character counts once.
  const length = [...code].length;
  if (length > MOET_STUDENT_CODE_MAX_LENGTH) {
    return {
      code: 'moet_student_code.too_long',
      message: `${FIELD} dài ${length} ký tự, quá ${MOET_STUDENT_CODE_MAX_LENGTH} ký tự. Kiểm tra xem có dán nhầm thêm nội dung khác không.`,
    };
  }
  return undefined;
}
