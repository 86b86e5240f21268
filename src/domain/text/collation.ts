import { splitVietnameseName } from './name.ts';

/**
 * Vietnamese alphabetical order, as Vietnamese dictionaries and class lists use it.
 *
 * Rules (Vũ Xuân Lương, "Quy tắc sắp xếp đơn vị từ vựng trong từ điển tiếng Việt", Vietlex; the same order is the
 * Unicode CLDR `vi` collation that ICU, browsers and PostgreSQL's `vi-x-icu` use):
 * 1. Letters in the order a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
 * 2. Letters first, tones only to break a tie: "ang" < "anh" whatever their tones, and "Anh" < "Ánh" < "Ân".
 * 3. Tones in the order: no tone (ngang), huyền, hỏi, ngã, sắc, nặng — "ma mà mả mã má mạ".
 *
 * Note: some spreadsheet guides for schools order the tones ngang, huyền, sắc, hỏi, ngã, nặng instead. We follow the
 * dictionary/CLDR order so that lists sorted here, in the browser (Intl.Collator 'vi') and in the database agree.
 *
 * Because tones are read per syllable and not per letter, the old and new tone placements ("Hoà"/"Hòa",
 * "Thuỷ"/"Thủy") compare equal. Case is ignored.
 */
export const VIETNAMESE_ALPHABET = [
  ...['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'],
  ...['n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'],
] as const;

export type Tone = 'ngang' | 'huyen' | 'hoi' | 'nga' | 'sac' | 'nang';

/** Dictionary/CLDR tone order; see the note above about the other order in use. */
export const TONE_ORDER: readonly Tone[] = ['ngang', 'huyen', 'hoi', 'nga', 'sac', 'nang'];

const TONE_MARKS: Readonly<Record<string, Tone>> = {
  '\u0300': 'huyen',
  '\u0309': 'hoi',
  '\u0303': 'nga',
  '\u0301': 'sac',
  '\u0323': 'nang',
};

/** Base letter + letter mark (after NFD) → the Vietnamese letter it spells. */
const MARKED_LETTERS: Readonly<Record<string, string>> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

const LETTER_RANK = new Map<string, number>(VIETNAMESE_ALPHABET.map((letter, index) => [letter, index]));
/** Letters rank above every code point, so digits and punctuation (ranked by code point) sort before letters. */
const LETTER_RANK_BASE = 0x110000;
const SYLLABLE_BREAK = -1;

interface SortKey {
  letters: number[];
  tones: number[];
}

function sortKey(text: string): SortKey {
  const letters: number[] = [];
  const tones: number[] = [];
  const decomposed = text.toLowerCase().replace(/ð/g, 'đ').normalize('NFD').trim();
  for (const syllable of decomposed.split(/\s+/)) {
    if (syllable === '') continue;
    if (letters.length > 0) letters.push(SYLLABLE_BREAK);
    let tone: Tone = 'ngang';
    let previous = '';
    for (const character of syllable) {
      const mark = TONE_MARKS[character];
      if (mark) {
        if (tone === 'ngang') tone = mark;
        continue;
      }
      const marked = MARKED_LETTERS[previous + character];
      if (marked) {
        letters[letters.length - 1] = rankOf(marked);
        previous = marked;
        continue;
      }
      // Any other combining mark is not part of Vietnamese spelling; ignore it rather than let it reorder names.
      if (/\p{M}/u.test(character)) continue;
      letters.push(rankOf(character));
      previous = character;
    }
    tones.push(TONE_ORDER.indexOf(tone));
  }
  return { letters, tones };
}

function rankOf(character: string): number {
  const rank = LETTER_RANK.get(character);
  return rank === undefined ? (character.codePointAt(0) ?? 0) : LETTER_RANK_BASE + rank;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(a.length - b.length);
}

/** Compares two Vietnamese strings in dictionary order (letters first, then tones). Usable with `Array.sort`. */
export function compareVietnameseText(a: string, b: string): number {
  const keyA = sortKey(a);
  const keyB = sortKey(b);
  return compareNumbers(keyA.letters, keyB.letters) || compareNumbers(keyA.tones, keyB.tones);
}

/**
 * Compares two full names in the order Vietnamese class lists use: by given name (tên), then middle name (tên
 * đệm), then family name (họ), each in dictionary order. "Trần Thị An" < "Nguyễn Văn An" < "Lê Bình".
 * Equal names (including "Hoà"/"Hòa") compare 0, so `Array.sort`, which is stable, keeps their input order.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const nameA = splitVietnameseName(a);
  const nameB = splitVietnameseName(b);
  return (
    compareVietnameseText(nameA.givenName, nameB.givenName) ||
    compareVietnameseText(nameA.middleName, nameB.middleName) ||
    compareVietnameseText(nameA.familyName, nameB.familyName)
  );
}

/**
 * Items in the order of compareVietnameseNames, each name's sort keys computed once: a school's 2,000 names then sort
 * in milliseconds, where compareVietnameseNames recomputes both keys on each of some 22,000 comparisons (seconds).
 */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const name = splitVietnameseName(nameOf(item));
    return { item, keys: [sortKey(name.givenName), sortKey(name.middleName), sortKey(name.familyName)] };
  });
  keyed.sort((a, b) => {
    for (const [index, key] of a.keys.entries()) {
      const other = b.keys[index] as SortKey;
      const order = compareNumbers(key.letters, other.letters) || compareNumbers(key.tones, other.tones);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
