import { describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueInput } from './schema.ts';
import { type AssessmentAnswers, scoreAssessment } from './score.ts';
import { demoCatalogueInput } from './test-fixtures.ts';
import { validateCatalogue } from './validate.ts';

function load(input: CatalogueInput = demoCatalogueInput()): Catalogue {
  const result = validateCatalogue(input);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.catalogue;
}

/** Every item answered: A = 80 points (Mức 3), B = 100 points (Mức 3). */
function fullAnswers(): AssessmentAnswers {
  return {
    'A.1': { met: true },
    'A.2': { subItems: { 'A.2.1': 20, 'A.2.2': 20 } },
    'A.3': { ratio: 0.5 },
    'A.4': { points: 25 },
    'B.1': { met: true },
    'B.2': { count: 20 },
    'B.3': { subItems: { 'B.3.1': 30, 'B.3.2': 30 } },
  };
}

const catalogue = load();

describe('điều kiện bắt buộc (mandatory conditions)', () => {
  it('a group with 80 points is Mức 3 when its mandatory condition is met', () => {
    const result = scoreAssessment(catalogue, fullAnswers());
    const groupA = result.groups[0];
    expect(groupA).toMatchObject({
      total: 80,
      scoreLevel: 3,
      level: 3,
      capped: false,
      label: 'Mức 3 - Đáp ứng tốt',
    });
    expect(result.unitLevel).toBe(3);
    expect(result.errors).toEqual([]);
  });

  it('an unmet mandatory condition caps the group at Mức 1 and the unit label with it, with the reason', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'A.1': { met: false } });
    const groupA = result.groups[0];
    expect(groupA).toMatchObject({
      total: 80,
      scoreLevel: 3,
      level: 1,
      capped: true,
      mandatoryNotMet: ['A.1'],
    });
    expect(groupA?.reasons[0]?.message).toBe(
      'Nhóm A: điều kiện bắt buộc A.1 chưa đạt; nhóm bị giới hạn ở Mức 1 - Chưa đáp ứng (điểm 80 tương ứng Mức 3 - Đáp ứng tốt)',
    );
    expect(result.groups[1]?.level).toBe(3);
    expect(result.unitLevel).toBe(1);
    expect(result.unitLabel).toBe('Mức 1 - Chưa đáp ứng');
    expect(result.unitReasons.map((reason) => reason.code)).toEqual(['lowest_group', 'mandatory_not_met']);
  });

  it('an unanswered mandatory condition also caps the group, reported as not declared yet', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'B.1': undefined });
    expect(result.groups[1]).toMatchObject({ level: 1, capped: true });
    expect(result.groups[1]?.reasons[0]?.message).toContain('B.1 chưa được khai báo');
  });

  it('the cap is a catalogue setting: switched off, points alone decide the level', () => {
    const input = { ...demoCatalogueInput(), settings: { capGroupOnUnmetMandatory: false } };
    const result = scoreAssessment(load(input), { ...fullAnswers(), 'A.1': { met: false } });
    expect(result.groups[0]).toMatchObject({ level: 3, capped: false, reasons: [] });
    expect(result.unitLevel).toBe(3);
  });

  it('a mandatory condition carries no points: entering points is an error', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'A.1': { met: true, points: 5 } });
    expect(result.errors).toEqual([
      {
        path: ['A.1'],
        code: 'points_on_mandatory',
        message: 'Nhóm A, tiêu chí A.1: điều kiện bắt buộc chỉ ghi đạt / chưa đạt, không chấm điểm',
      },
    ]);
    expect(result.groups[0]?.total).toBe(80);
  });
});

describe('điểm tự chấm (claimed points)', () => {
  it('claiming more than the item maximum is an error, and the maximum is counted provisionally', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'A.4': { points: 35 } });
    expect(result.errors).toEqual([
      {
        path: ['A.4'],
        code: 'above_max',
        message: 'Nhóm A, tiêu chí A.4: điểm tự chấm (35) vượt điểm tối đa (30); tạm tính 30 điểm',
      },
    ]);
    const item = result.items.find((entry) => entry.id === 'A.4');
    expect(item).toMatchObject({ claimedPoints: 35, points: 30, capped: true });
  });

  it('claiming more than a sub-item maximum is an error on that sub-item, capped at its maximum', () => {
    const result = scoreAssessment(catalogue, {
      ...fullAnswers(),
      'A.2': { subItems: { 'A.2.1': 25, 'A.2.2': 10 } },
    });
    expect(result.errors.map((error) => [error.code, error.path])).toEqual([
      ['above_max', ['A.2', 'subItems', 'A.2.1']],
    ]);
    expect(result.errors[0]?.message).toBe(
      'Nhóm A, tiêu chí A.2, nội dung A.2.1: điểm tự chấm (25) vượt điểm tối đa (20); tạm tính 20 điểm',
    );
    expect(result.items.find((entry) => entry.id === 'A.2')).toMatchObject({
      claimedPoints: 35,
      points: 30,
      capped: true,
    });
  });

  it('sub-items are summed, then the sum is capped at the item maximum (30 + 30 → 40)', () => {
    const result = scoreAssessment(catalogue, fullAnswers());
    expect(result.items.find((entry) => entry.id === 'B.3')).toMatchObject({
      claimedPoints: 60,
      points: 40,
      capped: true,
    });
    expect(result.errors).toEqual([]);
  });

  it('negative points are an error and count as 0', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'A.4': { points: -2 } });
    expect(result.errors[0]?.code).toBe('negative_points');
    expect(result.items.find((entry) => entry.id === 'A.4')?.points).toBe(0);
  });

  it('an item total typed without its sub-items is accepted and checked against the item maximum', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'A.2': { points: 35 } });
    expect(result.items.find((entry) => entry.id === 'A.2')).toMatchObject({ answered: true, points: 35 });
  });

  it('answers for criteria the catalogue does not have are reported', () => {
    const result = scoreAssessment(catalogue, { ...fullAnswers(), 'Z.9': { points: 3 } });
    expect(result.errors).toEqual([
      { path: ['Z.9'], code: 'unknown_item', message: 'Tiêu chí Z.9 không có trong bộ tiêu chí demo (1)' },
    ]);
  });
});

describe('thang quy đổi (bands)', () => {
  function pointsForRatio(ratio: number): number | undefined {
    return scoreAssessment(catalogue, { 'A.3': { ratio } }).items.find((entry) => entry.id === 'A.3')?.points;
  }

  it.each([
    [1, 30],
    [0.8, 30],
    [0.7999, 15],
    [0.5, 15],
    [0.4999, 0],
    [0, 0],
  ])('a share of %s gives %s points (≥ 0.8 → 30, ≥ 0.5 → 15, else 0)', (ratio, points) => {
    expect(pointsForRatio(ratio)).toBe(points);
  });

  it('a percent is read like a share: 80 % gives the full 30 points', () => {
    const result = scoreAssessment(catalogue, { 'A.3': { percent: 80 } });
    expect(result.items.find((entry) => entry.id === 'A.3')?.points).toBe(30);
  });

  it('a share above 100 % is an error', () => {
    const result = scoreAssessment(catalogue, { 'A.3': { percent: 120 } });
    expect(result.errors[0]).toMatchObject({ code: 'ratio_out_of_range', path: ['A.3'] });
    expect(result.errors[0]?.message).toContain('tỷ lệ 120% không hợp lệ');
  });

  it('a claim that differs from what the measured share gives is reported; the measured points count', () => {
    const result = scoreAssessment(catalogue, { 'A.3': { ratio: 0.6, points: 30 } });
    expect(result.errors[0]?.message).toBe(
      'Nhóm A, tiêu chí A.3: điểm khai (30) khác điểm quy đổi từ tỷ lệ 0,6 (15); hệ thống dùng điểm quy đổi',
    );
    expect(result.items.find((entry) => entry.id === 'A.3')?.points).toBe(15);
  });

  it.each([
    [25, 60, 3],
    [20, 60, 3],
    [19, 40, 3],
    [10, 40, 3],
    [9, 20, 2],
    [0, 0, 1],
  ])(
    '%s uses give %s points (≥ 20 → 60, ≥ 10 → 40, ≥ 1 → 20); item level ≥ 10 → 2, > 20 → 3',
    (count, points, level) => {
      const item = scoreAssessment(catalogue, { 'B.2': { count } }).items.find((entry) => entry.id === 'B.2');
      expect(item).toMatchObject({ points, level });
    },
  );

  it('a share for an item without ratio bands is an error asking for points', () => {
    const result = scoreAssessment(catalogue, { 'A.4': { ratio: 0.5 } });
    expect(result.errors[0]?.code).toBe('no_bands');
  });
});

describe('mức của đơn vị và mức độ hoàn thành (unit level and completeness)', () => {
  it('with lowest_group the unit takes the lowest group level', () => {
    const result = scoreAssessment(catalogue, {
      ...fullAnswers(),
      'B.2': { count: 0 },
      'B.3': { subItems: { 'B.3.1': 30, 'B.3.2': 0 } },
    });
    expect(result.groups.map((group) => [group.total, group.level])).toEqual([
      [80, 3],
      [30, 1],
    ]);
    expect(result.unitLevel).toBe(1);
    expect(result.unitReasons[0]?.message).toBe(
      'Mức của đơn vị lấy theo nhóm thấp nhất: Nhóm B ở Mức 1 - Chưa đáp ứng',
    );
  });

  it('with total_score the sum of the groups is graded; an unmet mandatory condition still caps the unit', () => {
    const input: CatalogueInput = {
      ...demoCatalogueInput(),
      settings: {
        combineRule: 'total_score',
        unitLevelThresholds: [
          { level: 2, minTotal: 100, inclusive: true },
          { level: 3, minTotal: 150, inclusive: false },
        ],
      },
    };
    const totalScore = load(input);
    expect(scoreAssessment(totalScore, fullAnswers())).toMatchObject({ totalPoints: 180, unitLevel: 3 });
    const capped = scoreAssessment(totalScore, { ...fullAnswers(), 'B.1': { met: false } });
    expect(capped.unitLevel).toBe(1);
    expect(capped.unitReasons.map((reason) => reason.code)).toEqual(['total_score', 'mandatory_not_met']);
  });

  it('lists unanswered criteria and missing sub-items, and the share answered', () => {
    const result = scoreAssessment(catalogue, {
      'A.1': { met: true },
      'A.2': { subItems: { 'A.2.1': 10 } },
      'A.3': { ratio: 0.9 },
    });
    expect(result.completeness).toEqual({
      answeredItems: 2,
      totalItems: 7,
      percent: 28.6,
      unanswered: [
        { itemId: 'A.2', groupId: 'A', missingSubItems: ['A.2.2'] },
        { itemId: 'A.4', groupId: 'A', missingSubItems: [] },
        { itemId: 'B.1', groupId: 'B', missingSubItems: [] },
        { itemId: 'B.2', groupId: 'B', missingSubItems: [] },
        { itemId: 'B.3', groupId: 'B', missingSubItems: ['B.3.1', 'B.3.2'] },
      ],
    });
    expect(result.groups[0]?.total).toBe(40);
  });
});
