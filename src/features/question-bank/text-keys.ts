/**
 * What the bank derives from a question's body: the folded text searched without diacritics, and the fingerprint
 * that finds the same question typed twice (case, spacing, punctuation and tone marks ignored).
 */
import { createHash } from 'node:crypto';
import type { QuestionBody } from '#contracts/questions.ts';
import { foldVietnamese } from '../../domain/text/index.ts';

/** Every text a taker reads: stem, options, statements, pairs. */
export function questionTexts(body: QuestionBody): string[] {
  switch (body.type) {
    case 'single_choice':
      return [body.stem, ...body.options];
    case 'true_false_group':
      return [body.stem, ...body.statements.map((statement) => statement.text)];
    case 'matching':
      return [body.stem, ...body.pairs.flatMap((pair) => [pair.left, pair.right]), ...body.distractors];
    case 'short_answer':
    case 'essay':
      return [body.stem];
  }
}

export function searchTextOf(body: QuestionBody, topic: string): string {
  return foldVietnamese([topic, ...questionTexts(body)].join(' '));
}

/** The same wording gives the same fingerprint whatever the options' order: a reshuffled copy is a duplicate. */
export function fingerprintOf(body: QuestionBody): string {
  const [stem = '', ...rest] = questionTexts(body).map((text) =>
    foldVietnamese(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  );
  const normalised = [body.type, stem, ...rest.sort()].join('\u0001');
  return createHash('sha256').update(normalised).digest('hex');
}
