import type { CatalogueInput, LevelThreshold } from './schema.ts';

/** Test data only: a small catalogue exercising every item shape, with the DX thresholds (QĐ 4725 mục 4). */

export const DX_LIKE_THRESHOLDS: LevelThreshold[] = [
  { level: 2, minTotal: 50, inclusive: true },
  { level: 3, minTotal: 75, inclusive: false },
];

export function demoCatalogueInput(): CatalogueInput {
  return {
    code: 'demo',
    version: '1',
    title: 'Bộ tiêu chí thử nghiệm',
    subjectKind: 'school',
    levelLabels: [
      { level: 1, label: 'Mức 1 - Chưa đáp ứng' },
      { level: 2, label: 'Mức 2 - Đáp ứng cơ bản' },
      { level: 3, label: 'Mức 3 - Đáp ứng tốt' },
    ],
    groups: [
      {
        id: 'A',
        title: 'Nhóm A',
        maxPoints: 100,
        levelThresholds: DX_LIKE_THRESHOLDS,
        items: [
          {
            kind: 'mandatory',
            id: 'A.1',
            title: 'Có kế hoạch',
            evidence: [{ kind: 'file', label: 'Kế hoạch' }],
          },
          {
            kind: 'scored',
            id: 'A.2',
            title: 'Phần mềm',
            maxPoints: 40,
            subItems: [
              { id: 'A.2.1', title: 'Chức năng 1', maxPoints: 20 },
              { id: 'A.2.2', title: 'Chức năng 2', maxPoints: 20, status: 'to_verify' },
            ],
          },
          {
            kind: 'scored',
            id: 'A.3',
            title: 'Tỷ lệ giáo viên có tài khoản',
            maxPoints: 30,
            ratioBands: [
              { minRatio: 0.8, points: 30 },
              { minRatio: 0.5, points: 15 },
            ],
            metricId: 'staff_active_accounts',
            evidence: [{ kind: 'metric', metricId: 'staff_active_accounts' }],
          },
          { kind: 'scored', id: 'A.4', title: 'Hạ tầng', maxPoints: 30, note: 'Ghi chú' },
        ],
      },
      {
        id: 'B',
        title: 'Nhóm B',
        maxPoints: 100,
        levelThresholds: DX_LIKE_THRESHOLDS,
        items: [
          { kind: 'mandatory', id: 'B.1', title: 'Có bộ phận phụ trách' },
          {
            kind: 'scored',
            id: 'B.2',
            title: 'Số lượt sử dụng',
            maxPoints: 60,
            countBands: [
              { minCount: 20, points: 60 },
              { minCount: 10, points: 40 },
              { minCount: 1, points: 20 },
            ],
            levelThresholds: [
              { level: 2, minTotal: 10, inclusive: true },
              { level: 3, minTotal: 20, inclusive: false },
            ],
          },
          {
            kind: 'scored',
            id: 'B.3',
            title: 'Chọn một số nội dung',
            maxPoints: 40,
            capSubItemSum: true,
            subItems: [
              { id: 'B.3.1', title: 'Nội dung 1', maxPoints: 30 },
              { id: 'B.3.2', title: 'Nội dung 2', maxPoints: 30, evidence: [{ kind: 'link' }] },
            ],
          },
        ],
      },
    ],
  };
}
