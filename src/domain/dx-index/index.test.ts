import { describe, expect, it } from 'vitest';
import { levelForTotal } from '../assessment-catalogue/index.ts';
import { DX_GROUP_LEVEL_THRESHOLDS, DX_LEVEL_LABEL_VI, DX_LEVEL_LABELS, groupLevel } from './index.ts';

describe('groupLevel (QĐ 4725 mục 4: < 50 → Mức 1; 50–75 → Mức 2; > 75 → Mức 3)', () => {
  it.each([
    [0, 1],
    [49.9, 1],
    [49.99, 1],
    [50, 2],
    [62.5, 2],
    [75, 2],
    [75.01, 3],
    [75.5, 3],
    [100, 3],
  ])('a group total of %s is Mức %s', (total, level) => {
    expect(groupLevel(total)).toBe(level);
  });

  it('float noise from adding decimals does not drop a total of 50 to Mức 1', () => {
    const total = [0.2, 16.7, 16.7, 16.4].reduce((sum, points) => sum + points, 0);
    expect(total).not.toBe(50);
    expect(groupLevel(total)).toBe(2);
  });

  it('agrees with the catalogue thresholds the scoring engine uses, on every tenth of a point', () => {
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const total = tenths / 10;
      expect(levelForTotal(DX_GROUP_LEVEL_THRESHOLDS, total)).toBe(groupLevel(total));
    }
  });

  it('refuses a total that is not a number', () => {
    expect(() => groupLevel(Number.NaN)).toThrow(RangeError);
  });
});

describe('DX level labels', () => {
  it('uses the official names: chưa đáp ứng, đáp ứng cơ bản, đáp ứng tốt', () => {
    expect(DX_LEVEL_LABEL_VI).toEqual({
      1: 'Mức 1 - Chưa đáp ứng',
      2: 'Mức 2 - Đáp ứng cơ bản',
      3: 'Mức 3 - Đáp ứng tốt',
    });
    expect(DX_LEVEL_LABELS.map((entry) => entry.level)).toEqual([1, 2, 3]);
  });
});
