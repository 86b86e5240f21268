import { describe, expect, it } from 'vitest';
import {
  type AssessmentAnswers,
  type Catalogue,
  catalogueFromRows,
  catalogueToRows,
  printedCatalogueNotice,
  scoreAssessment,
  validateCatalogue,
} from '../assessment-catalogue/index.ts';
import { isDxMetricId, NATIONAL_4725_INPUT, NATIONAL_SCHOOL_CATALOGUE_4725 } from './index.ts';

const catalogue = NATIONAL_SCHOOL_CATALOGUE_4725;

function groupSum(source: Catalogue, groupId: string): number {
  const group = source.groups.find((entry) => entry.id === groupId);
  return (group?.items ?? []).reduce((sum, item) => sum + (item.kind === 'scored' ? item.maxPoints : 0), 0);
}

/** Group I: everything met and full marks except I.7.3 (studio, 5 points) → 95. */
function teachingAnswers(): AssessmentAnswers {
  return {
    'I.1': { met: true },
    'I.2': { met: true },
    'I.3': { subItems: { 'I.3.1': 6, 'I.3.2': 6, 'I.3.3': 6, 'I.3.4': 6, 'I.3.5': 6 } },
    'I.4': { ratio: 0.9 },
    'I.5': { subItems: { 'I.5.1': 15, 'I.5.2': 5 } },
    'I.6': { subItems: { 'I.6.1': { ratio: 0.85 }, 'I.6.2': { percent: 80 }, 'I.6.3': { ratio: 1 } } },
    'I.7': { subItems: { 'I.7.1': { ratio: 0.95 }, 'I.7.2': 7, 'I.7.3': 0 } },
  };
}

/** Group II: conditions met, 2.3 at 46 and 2.4 at 18 → 64. */
function governanceAnswers(): AssessmentAnswers {
  return {
    'II.1': { met: true },
    'II.2': { met: true },
    'II.3': {
      subItems: {
        'II.3.1': 6,
        'II.3.2': 6,
        'II.3.3': 10,
        'II.3.4': 6,
        'II.3.5': 6,
        'II.3.6': 6,
        'II.3.7': 6,
        'II.3.8': 0,
      },
    },
    'II.4': { subItems: { 'II.4.1': 8, 'II.4.2': 0, 'II.4.3': 10 } },
  };
}

describe('national school catalogue (QĐ 4725)', () => {
  it('validates only because it is marked incomplete: Nhóm II short by 10 points is reported, and the notice says so', () => {
    const result = validateCatalogue(NATIONAL_4725_INPUT);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Nhóm II: tổng điểm tối đa của các tiêu chí (90) thấp hơn điểm tối đa của nhóm (100), còn thiếu 10 điểm; bộ tiêu chí được đánh dấu chưa đầy đủ và mọi trang in ghi chú này',
    ]);
    expect(printedCatalogueNotice(catalogue)).toMatch(/^Bộ tiêu chí chưa đầy đủ so với văn bản gốc/);
    const { draftNotice: _notice, ...unmarked } = NATIONAL_4725_INPUT;
    expect(validateCatalogue(unmarked).ok).toBe(false);
  });

  it('Nhóm I criteria add up to 100 and Nhóm II to 90, each group out of 100', () => {
    expect(groupSum(catalogue, 'I')).toBe(100);
    expect(groupSum(catalogue, 'II')).toBe(90);
    expect(catalogue.groups.map((group) => group.maxPoints)).toEqual([100, 100]);
  });

  it('marks as confirmed only the rows checked against the official table (1.1, 1.2, live teaching in 1.3)', () => {
    const confirmed = catalogue.groups.flatMap((group) =>
      group.items.flatMap((item) => [
        ...(item.status === 'confirmed' ? [item.id] : []),
        ...(item.kind === 'scored'
          ? (item.subItems ?? []).filter((sub) => sub.status === 'confirmed').map((sub) => sub.id)
          : []),
      ]),
    );
    expect(confirmed).toEqual(['I.1', 'I.2', 'I.3.1']);
  });

  it('links only to metrics the platform knows how to measure', () => {
    const ids = catalogue.groups.flatMap((group) =>
      group.items.flatMap((item) => {
        const owners = [item, ...(item.kind === 'scored' ? (item.subItems ?? []) : [])];
        return owners.flatMap((owner) => [
          ...(owner.metricId ? [owner.metricId] : []),
          ...owner.evidence.flatMap((spec) => (spec.kind === 'metric' ? [spec.metricId] : [])),
        ]);
      }),
    );
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !isDxMetricId(id))).toEqual([]);
  });

  it('survives the spreadsheet round trip unchanged', () => {
    const { meta, rows } = catalogueToRows(catalogue);
    const imported = catalogueFromRows(rows, meta);
    expect(imported.ok && imported.catalogue).toEqual(catalogue);
  });
});

describe('scoring a school with the national catalogue', () => {
  it('95 in teaching and 64 in governance make the school Mức 2 (the lower group)', () => {
    const result = scoreAssessment(catalogue, { ...teachingAnswers(), ...governanceAnswers() });
    expect(result.errors).toEqual([]);
    expect(result.groups.map((group) => [group.id, group.total, group.label])).toEqual([
      ['I', 95, 'Mức 3 - Đáp ứng tốt'],
      ['II', 64, 'Mức 2 - Đáp ứng cơ bản'],
    ]);
    expect(result.unitLabel).toBe('Mức 2 - Đáp ứng cơ bản');
    expect(result.completeness.percent).toBe(100);
  });

  it('without an online-teaching plan (1.1) teaching is capped at Mức 1, and so is the school', () => {
    const result = scoreAssessment(catalogue, {
      ...teachingAnswers(),
      ...governanceAnswers(),
      'I.1': { met: false },
    });
    expect(result.groups[0]).toMatchObject({ total: 95, scoreLevel: 3, level: 1, capped: true });
    expect(result.unitLabel).toBe('Mức 1 - Chưa đáp ứng');
  });

  it('criterion 1.3 shows its own level: 12 points is Mức 2 (10–20), 24 points Mức 3 (> 20)', () => {
    const twelve = scoreAssessment(catalogue, {
      'I.3': { subItems: { 'I.3.1': 6, 'I.3.2': 6, 'I.3.3': 0, 'I.3.4': 0, 'I.3.5': 0 } },
    });
    expect(twelve.items.find((item) => item.id === 'I.3')).toMatchObject({ points: 12, level: 2 });
    const full = scoreAssessment(catalogue, {
      'I.3': { subItems: { 'I.3.1': 6, 'I.3.2': 6, 'I.3.3': 6, 'I.3.4': 6, 'I.3.5': 0 } },
    });
    expect(full.items.find((item) => item.id === 'I.3')).toMatchObject({ points: 24, level: 3 });
  });

  it('a school claiming 8 of 6 points for live online teaching gets an error and 6 points', () => {
    const result = scoreAssessment(catalogue, { 'I.3': { subItems: { 'I.3.1': 8 } } });
    expect(result.errors.map((error) => error.message)).toEqual([
      'Nhóm I, tiêu chí I.3, nội dung I.3.1: điểm tự chấm (8) vượt điểm tối đa (6); tạm tính 6 điểm',
    ]);
    expect(result.items.find((item) => item.id === 'I.3')?.points).toBe(6);
  });
});
