/**
 * Competence levels of a test item.
 *
 * Công văn 7991/BGDĐT-GDTrH (17/12/2024, đề kiểm tra định kì from 2024-2025) describes the levels of the requirement
 * tested as Biết, Hiểu and Vận dụng. Banks built before it tag items with four levels: Nhận biết (NB), Thông hiểu
 * (TH), Vận dụng (VD), Vận dụng cao (VDC). Vận dụng cao has no level of its own any more, so it maps to Vận dụng;
 * the item keeps its original tag for the department's reference.
 */
import { foldVietnamese } from '../text/fold.ts';

export const COMPETENCE_LEVELS = ['know', 'understand', 'apply'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

export const COMPETENCE_LEVEL_LABELS: Readonly<Record<CompetenceLevel, string>> = {
  know: 'Biết',
  understand: 'Hiểu',
  apply: 'Vận dụng',
};

/** Tags written in banks and Word files, folded (no diacritics, lower case), mapped to the current level. */
const LEGACY_TAGS: Readonly<Record<string, CompetenceLevel>> = {
  nb: 'know',
  'nhan biet': 'know',
  biet: 'know',
  th: 'understand',
  'thong hieu': 'understand',
  hieu: 'understand',
  vd: 'apply',
  'van dung': 'apply',
  vdc: 'apply',
  'van dung cao': 'apply',
};

/** "NB", "Nhận biết", "Vận dụng cao" → the level; null for anything else (the import reports the line). */
export function competenceLevelFromTag(tag: string): CompetenceLevel | null {
  const folded = foldVietnamese(tag)
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return LEGACY_TAGS[folded] ?? null;
}
