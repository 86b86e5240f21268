import type { LevelLabel, LevelThreshold } from '../assessment-catalogue/index.ts';

export type DxLevel = 1 | 2 | 3;

/**
 * QĐ 4725/QĐ-BGDĐT, mục 4 (and the same three levels in QĐ 3806/QĐ-BGDĐT): "Mức chưa đáp ứng (Mức độ 1): tổng
 * điểm của mỗi nhóm tiêu chí dưới 50; Mức đáp ứng cơ bản (Mức độ 2): từ 50 đến 75; Mức đáp ứng tốt (Mức độ 3):
 * trên 75". So 50 and 75 are both Mức 2.
 */
export const DX_GROUP_LEVEL_THRESHOLDS: LevelThreshold[] = [
  { level: 2, minTotal: 50, inclusive: true },
  { level: 3, minTotal: 75, inclusive: false },
];

/** The official level names (QĐ 4725 mục 4), in the form the UI shows. */
export const DX_LEVEL_LABEL_VI: Readonly<Record<DxLevel, string>> = {
  1: 'Mức 1 - Chưa đáp ứng',
  2: 'Mức 2 - Đáp ứng cơ bản',
  3: 'Mức 3 - Đáp ứng tốt',
};

export const DX_LEVEL_LABELS: LevelLabel[] = ([1, 2, 3] as const).map((level) => ({
  level,
  label: DX_LEVEL_LABEL_VI[level],
}));
