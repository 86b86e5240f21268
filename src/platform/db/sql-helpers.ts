import { type Expression, type RawBuilder, sql } from 'kysely';
import { foldVietnamese } from '../../domain/text/index.ts';

/**
 * Small SQL building blocks every feature's queries share. Searching is always: fold the user's words in the
 * application (`foldVietnamese`), fold the column in SQL (`foldedSql`, or a stored folded `search_text`), and match
 * each word with `like containsPattern(word)`.
 */

/** Escapes LIKE's wildcards (`%`, `_`) and its escape character (`\`), so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching text that contains `value` literally: "10_a" → '%10\_a%'. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

/** A LIKE pattern matching text that starts with `value` literally, e.g. a unit path and everything below it. */
export function startsWithPattern(value: string): string {
  return `${escapeLike(value)}%`;
}

// Every precomposed Vietnamese letter (NFC, as names are stored) and what foldVietnamese makes of it, so SQL can
// fold a column the same way the application folds the search words — without an extension (PGlite has no unaccent).
const LETTERS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const FOLD_FROM = LETTERS + LETTERS.toUpperCase();
const FOLD_TO = [...FOLD_FROM].map((c) => foldVietnamese(c)).join('');

/** SQL equivalent of foldVietnamese for text columns: diacritics removed, lower case (null reads as ''). */
export function foldedSql(expression: Expression<string | null>): RawBuilder<string> {
  return sql<string>`lower(translate(coalesce(${expression}, ''), ${FOLD_FROM}, ${FOLD_TO}))`;
}
