import { cleanVietnamese } from './fold.ts';

/**
 * Vietnamese personal names: họ (family name) first, then tên đệm (middle name, zero or more words), then tên
 * (given name) last — "Nguyễn Thị Minh Khai" is family "Nguyễn", middle "Thị Minh", given "Khai".
 */
export interface VietnameseNameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/**
 * Cleans a typed name for storage: NFC, invisible characters removed, whitespace collapsed, each word title-cased
 * ("nguyễn  văn an" → "Nguyễn Văn An", "NGUYỄN VĂN AN" → "Nguyễn Văn An").
 *
 * The tone-mark placement is kept as typed ("Hoà" stays "Hoà", "Hòa" stays "Hòa"): a name is identity data and must
 * match the birth certificate, and both placements occur there. Matching treats them as equal instead (`fold.ts`).
 * A letter after an apostrophe or hyphen is capitalised too, as in Ê Đê and Jrai names ("H'Hen Niê", "Ksor H'Ling").
 * Ð/ð (Icelandic eth, a legacy-encoding artefact that looks like Đ) become Đ/đ.
 */
export function normaliseName(input: string): string {
  const cleaned = cleanVietnamese(input).replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
  if (cleaned === '') return '';
  return cleaned.split(' ').map(titleCaseWord).join(' ');
}

function titleCaseWord(word: string): string {
  const lower = word.toLowerCase();
  let result = '';
  let capitaliseNext = true;
  for (const character of lower) {
    result += capitaliseNext ? character.toUpperCase() : character;
    capitaliseNext = character === "'" || character === '’' || character === '-';
  }
  return result;
}

/**
 * Splits a full name into family, middle and given name: the first word is the family name, the last word the given
 * name, everything between the middle name. A single word is taken as the given name.
 *
 * Compound family names ("Tôn Thất", "Tôn Nữ", "Âu Dương") cannot be told apart from a family name plus a middle
 * name by the words alone, so they come out as family "Tôn" and middle "Thất …". Where the split matters (transcripts,
 * certificates) store the parts as written on the birth certificate instead of deriving them.
 */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  const words = cleanVietnamese(fullName)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] ?? '' };
  return {
    familyName: words[0] ?? '',
    middleName: words.slice(1, -1).join(' '),
    givenName: words.at(-1) ?? '',
  };
}
