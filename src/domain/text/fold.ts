/**
 * Vietnamese text folding for search and matching.
 *
 * Input may arrive precomposed (NFC, what most keyboards send) or decomposed (NFD, what macOS file names, some
 * Excel exports and old Vietnamese encoding converters produce), so we always decompose first and then drop every
 * combining mark: tone marks (huyền, sắc, hỏi, ngã, nặng) and letter marks (ă, â, ê, ô, ơ, ư). That also makes
 * the old and new tone placements fold equal ("Hoà" and "Hòa" → "hoa"), which is right for matching: both spellings
 * of the same name occur on real birth certificates.
 */

/** Combining diacritical marks (U+0300–U+036F), which holds every Vietnamese tone and letter mark after NFD. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Invisible characters that survive copy-paste from Word and spreadsheets (zero-width space/joiners, word joiner,
 * byte-order mark, soft hyphen). They would otherwise split or glue words unseen.
 */
const INVISIBLE_CHARACTERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * đ/Đ are letters of their own and do not decompose, so they are mapped explicitly. Ð/ð (U+00D0/U+00F0, Icelandic
 * eth) look identical to Đ/đ and appear in data converted from legacy encodings (TCVN3, VNI); no Vietnamese name
 * uses them, so they fold the same way.
 */
const D_WITH_STROKE = /[đĐðÐ]/g;

/**
 * Lower-cases, strips diacritics (đ → d included), removes invisible characters and collapses whitespace, so that
 * "nguyen van an", "Nguyễn Văn An" and "NGUYỄN  VĂN ĂN" all fold to "nguyen van an".
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .replace(INVISIBLE_CHARACTERS, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC, invisible characters removed, whitespace collapsed and trimmed; case and diacritics kept. */
export function cleanVietnamese(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}
