import { describe, expect, it } from 'vitest';
import {
  type AssessmentAnswers,
  printedCatalogueNotice,
  scoreAssessment,
  validateCatalogue,
} from '../assessment-catalogue/index.ts';
import { NATIONAL_3806_INPUT, NATIONAL_OFFICE_CATALOGUE_3806 } from './index.ts';

const catalogue = NATIONAL_OFFICE_CATALOGUE_3806;

/** Leadership 40 of 50; 85 % of schools at Mức 2+ (30) and 40 % at Mức 3 (0) → total 70. */
function officeAnswers(): AssessmentAnswers {
  return {
    'I.1': { met: true },
    'I.2': { points: 15 },
    'I.3': { ratio: 1 },
    'I.4': { points: 5 },
    'I.5': { points: 5 },
    'II.1': { ratio: 0.85 },
    'II.2': { ratio: 0.4 },
  };
}

describe('national office catalogue (QĐ 3806)', () => {
  it('validates without warnings: two groups making one 100-point scale', () => {
    const result = validateCatalogue(NATIONAL_3806_INPUT);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(catalogue.subjectKind).toBe('office');
    expect(catalogue.groups.reduce((sum, group) => sum + group.maxPoints, 0)).toBe(100);
  });

  it('is graded on the total: 70 points is Mức 2', () => {
    const result = scoreAssessment(catalogue, officeAnswers());
    expect(result).toMatchObject({
      totalPoints: 70,
      unitLevel: 2,
      unitLabel: 'Mức 2 - Đáp ứng cơ bản',
      errors: [],
    });
  });

  it('the share of managed schools at Mức 2 or above is converted by its bands (80 % → 30, 79 % → 15)', () => {
    const atBoundary = scoreAssessment(catalogue, { ...officeAnswers(), 'II.1': { ratio: 0.8 } });
    expect(atBoundary.items.find((item) => item.id === 'II.1')?.points).toBe(30);
    const below = scoreAssessment(catalogue, { ...officeAnswers(), 'II.1': { ratio: 0.79 } });
    expect(below.items.find((item) => item.id === 'II.1')?.points).toBe(15);
    expect(below).toMatchObject({ totalPoints: 55, unitLevel: 2 });
  });

  it('an office without a DX plan is capped at Mức 1 whatever its total', () => {
    const result = scoreAssessment(catalogue, { ...officeAnswers(), 'I.1': { met: false } });
    expect(result).toMatchObject({ totalPoints: 70, unitLevel: 1 });
    expect(result.unitReasons.at(-1)?.message).toBe(
      'Nhóm I: điều kiện bắt buộc I.1 chưa đạt; mức của đơn vị bị giới hạn ở Mức 1 - Chưa đáp ứng',
    );
  });

  it('says it is a draft (dự thảo) on every printed page until the decision’s own table is entered', () => {
    expect(printedCatalogueNotice(NATIONAL_OFFICE_CATALOGUE_3806)).toMatch(/^Dự thảo: /);
  });

  it('keeps every row to_verify until the official table is found', () => {
    const statuses = catalogue.groups.flatMap((group) => group.items.map((item) => item.status));
    expect(new Set(statuses)).toEqual(new Set(['to_verify']));
  });
});
