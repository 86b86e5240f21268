/**
 * Text helpers shared by the question formats: Moodle writes question text as HTML, Markdown or plain text; the bank
 * keeps plain text (formulas stay LaTeX), so HTML is reduced to its text with line breaks where blocks end.
 */
import type { QuestionBody } from '#contracts/questions.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Images are not carried yet: each one becomes a visible marker so the teacher sees where it was. */
const IMAGE = /<img\b[^>]*?(?:alt\s*=\s*"([^"]*)")?[^>]*>/gi;

/** HTML → plain text: block ends and <br> become line breaks, other tags go, entities are decoded, NFC. */
export function htmlToText(html: string): string {
  const text = html
    .replace(IMAGE, (_whole, alt: string | undefined) => `[Hình${alt ? `: ${alt}` : ''}]`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return tidy(decodeEntities(text));
}

export function hasImage(html: string): boolean {
  return /<img\b/i.test(html);
}

/** Trims every line, drops blank runs at the ends, NFC. */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A short excerpt of a source line for a problem message. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Labels of statements in a đúng/sai group, and the words for the two sides, as Vietnamese papers write them. */
export const STATEMENT_LABELS = ['a', 'b', 'c', 'd'] as const;
export const TRUE_WORD = 'Đúng';
export const FALSE_WORD = 'Sai';

/** "a) Hàm số đồng biến" → "Hàm số đồng biến": the label is the position, not part of the statement. */
export function stripStatementLabel(text: string): string {
  return text.replace(/^\s*[a-dA-D]\s*[).]\s*/, '');
}

/**
 * A matching of exactly four statements onto Đúng/Sai is a đúng/sai group: that is how GIFT and Moodle XML carry the
 * group (Moodle has no such type), so reading it back gives the group again.
 */
export function matchingBody(
  stem: string,
  pairs: { left: string; right: string }[],
  distractors: string[],
): QuestionBody {
  const isTrueFalse =
    pairs.length === 4 &&
    distractors.length === 0 &&
    pairs.every((pair) => pair.right === TRUE_WORD || pair.right === FALSE_WORD);
  if (!isTrueFalse) return { type: 'matching', stem, pairs, distractors };
  const statements = pairs.map((pair) => ({
    text: stripStatementLabel(pair.left),
    correct: pair.right === TRUE_WORD,
  }));
  return { type: 'true_false_group', stem, statements };
}
