export {
  ETHNICITIES,
  ETHNICITY_KEYS,
  type Ethnicity,
  ethnicityByKey,
  findEthnicity,
  MAJORITY_ETHNICITY_KEY,
} from './ethnicities.ts';
export type { Issue } from './issue.ts';
export {
  checkMoetStudentCode,
  MOET_STUDENT_CODE_MAX_LENGTH,
  type MoetStudentCodeCheck,
  normaliseMoetStudentCode,
} from './moet-student-code.ts';
export {
  checkNationalId,
  type DecodedNationalId,
  decodeNationalId,
  GENDERS,
  type Gender,
  type NationalIdCheck,
  type NationalIdPerson,
  normaliseNationalId,
} from './national-id.ts';
export {
  type DuplicateNationalIdGroup,
  findDuplicateNationalIds,
  type PersonNationalId,
} from './national-id-duplicates.ts';
export {
  BIRTH_ABROAD_CODE_RANGE,
  BIRTH_PROVINCE_CODES,
  birthProvinceName,
  isBirthAbroadCode,
} from './province-codes.ts';
export { PROVINCES_SINCE_2025, type ProvinceSince2025, provinceSince2025 } from './province-mergers-2025.ts';
