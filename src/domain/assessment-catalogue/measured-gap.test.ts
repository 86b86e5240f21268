import { describe, expect, it } from 'vitest';
import { NATIONAL_OFFICE_CATALOGUE_3806, NATIONAL_SCHOOL_CATALOGUE_4725 } from '../dx-index/index.ts';
import { measuredGaps } from './measured-gap.ts';

const ratio = (metricId: string, value: number) => ({
  metricId,
  available: true,
  kind: 'ratio' as const,
  value,
});

describe('measuredGaps: điểm tự chấm bên cạnh số liệu hệ thống đo được', () => {
  it('tiêu chí có thang quy đổi: 85% đo được = đủ điểm; tự chấm 0 điểm là chênh lệch lớn', () => {
    const gaps = measuredGaps(NATIONAL_OFFICE_CATALOGUE_3806, 'II.1', { points: 0 }, [
      ratio('managed_schools_level_share', 0.85),
    ]);
    expect(gaps).toEqual([
      {
        ownerId: 'II.1',
        metricId: 'managed_schools_level_share',
        maxPoints: 30,
        claimedPoints: 0,
        measuredPoints: 30,
        large: true,
      },
    ]);
  });

  it('tiêu chí thành phần không có thang: so với cùng tỷ lệ điểm tối đa; chênh ít không cờ', () => {
    const answer = { subItems: { 'II.3.3': 8, 'II.3.4': 6 } };
    const gaps = measuredGaps(NATIONAL_SCHOOL_CATALOGUE_4725, 'II.3', answer, [
      ratio('classes_with_gradebook_share', 0.9),
      ratio('staff_in_management_system_share', 0.5),
      { metricId: 'assets_registered_share', available: false, kind: null, value: null },
    ]);
    expect(gaps).toEqual([
      expect.objectContaining({ ownerId: 'II.3.3', claimedPoints: 8, measuredPoints: 9, large: false }),
      expect.objectContaining({ ownerId: 'II.3.4', claimedPoints: 6, measuredPoints: 3, large: true }),
    ]);
  });

  it('chưa tự chấm: hiện điểm đo được, không cờ', () => {
    const gaps = measuredGaps(NATIONAL_OFFICE_CATALOGUE_3806, 'II.2', null, [
      ratio('managed_schools_level_3_share', 0.2),
    ]);
    expect(gaps[0]).toMatchObject({ claimedPoints: null, measuredPoints: 0, large: false });
  });
});
