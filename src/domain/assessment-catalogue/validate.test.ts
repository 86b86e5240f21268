import { describe, expect, it } from 'vitest';
import type { CatalogueInput } from './schema.ts';
import { demoCatalogueInput } from './test-fixtures.ts';
import { type CatalogueValidation, publishableCatalogue, validateCatalogue } from './validate.ts';

function errorsOf(result: CatalogueValidation) {
  return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
}

/** Same shape as QĐ 4725 Nhóm II: one 60-point criterion with sub-items. */
function governanceCatalogue(subItemMaxima: number[]): CatalogueInput {
  return {
    code: 'demo',
    version: '1',
    title: 'Thử',
    subjectKind: 'school',
    groups: [
      {
        id: 'II',
        title: 'Quản trị',
        maxPoints: 100,
        levelThresholds: [{ level: 2, minTotal: 50, inclusive: true }],
        items: [
          { kind: 'mandatory', id: 'II.1', title: 'Bộ phận phụ trách' },
          {
            kind: 'scored',
            id: 'II.3',
            title: 'Hệ thống quản trị',
            maxPoints: 60,
            subItems: subItemMaxima.map((maxPoints, index) => ({
              id: `II.3.${index + 1}`,
              title: `Phân hệ ${index + 1}`,
              maxPoints,
            })),
          },
          { kind: 'scored', id: 'II.4', title: 'Dịch vụ trực tuyến', maxPoints: 40 },
        ],
      },
    ],
  };
}

describe('validateCatalogue: well-formed catalogues', () => {
  it('accepts a correct catalogue and fills in defaults (status confirmed, lowest_group, cap on)', () => {
    const result = validateCatalogue(demoCatalogueInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalogue.settings).toEqual({
      combineRule: 'lowest_group',
      capGroupOnUnmetMandatory: true,
    });
    expect(result.catalogue.groups[0]?.items[0]).toMatchObject({
      status: 'confirmed',
      evidence: [{ kind: 'file' }],
    });
    expect(result.warnings).toEqual([]);
  });

  it('refuses to publish a catalogue whose group’s criteria add up to less than the group’s maximum (QĐ 4725 mục 3: 100 points per group)', () => {
    const input = governanceCatalogue([30, 30]);
    const group = input.groups[0];
    if (group) group.items = group.items.filter((item) => item.id !== 'II.4');
    const result = validateCatalogue(input);
    expect(errorsOf(result)).toEqual([
      {
        path: ['groups', 0, 'items'],
        message:
          'Nhóm II: tổng điểm tối đa của các tiêu chí (60) thấp hơn điểm tối đa của nhóm (100), còn thiếu 40 điểm; bổ sung tiêu chí còn thiếu, hoặc ghi chú bộ tiêu chí chưa đầy đủ (draft_notice) để mọi trang in ghi rõ',
      },
    ]);
    expect(() => publishableCatalogue(input)).toThrow(/còn thiếu 40 điểm/);
  });

  it('publishes an incomplete catalogue only when it carries a draft notice, and reports the gap as a warning', () => {
    const input = governanceCatalogue([30, 30]);
    const group = input.groups[0];
    if (group) group.items = group.items.filter((item) => item.id !== 'II.4');
    input.draftNotice = 'Bộ tiêu chí chưa đầy đủ so với văn bản gốc.';
    const result = validateCatalogue(input);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Nhóm II: tổng điểm tối đa của các tiêu chí (60) thấp hơn điểm tối đa của nhóm (100), còn thiếu 40 điểm; bộ tiêu chí được đánh dấu chưa đầy đủ và mọi trang in ghi chú này',
    ]);
    expect(publishableCatalogue(input).draftNotice).toBe('Bộ tiêu chí chưa đầy đủ so với văn bản gốc.');
  });

  it('a draft notice does not excuse criteria adding up to more than the group', () => {
    const input = governanceCatalogue([30, 30]);
    input.draftNotice = 'Dự thảo.';
    const group = input.groups[0];
    if (group) group.items.push({ kind: 'scored', id: 'II.5', title: 'Thêm', maxPoints: 10 });
    expect(errorsOf(validateCatalogue(input)).map((e) => e.message)).toEqual([
      'Nhóm II: tổng điểm tối đa của các tiêu chí (110) vượt điểm tối đa của nhóm (100)',
    ]);
  });
});

describe('validateCatalogue: errors name the place in Vietnamese', () => {
  it('sub-items adding up to more than their criterion', () => {
    const result = validateCatalogue(governanceCatalogue([30, 30, 10]));
    expect(errorsOf(result)).toEqual([
      {
        path: ['groups', 0, 'items', 1, 'subItems'],
        message: 'Nhóm II, tiêu chí II.3: tổng điểm thành phần (70) vượt điểm tối đa (60)',
      },
    ]);
  });

  it('criteria adding up to more than their group', () => {
    const input = governanceCatalogue([30, 30]);
    const item = input.groups[0]?.items[2];
    if (item?.kind === 'scored') item.maxPoints = 50;
    expect(errorsOf(validateCatalogue(input))).toEqual([
      {
        path: ['groups', 0, 'items'],
        message: 'Nhóm II: tổng điểm tối đa của các tiêu chí (110) vượt điểm tối đa của nhóm (100)',
      },
    ]);
  });

  it('duplicate criterion ids, even across groups', () => {
    const input = demoCatalogueInput();
    const item = input.groups[1]?.items[0];
    if (item) item.id = 'A.1';
    expect(errorsOf(validateCatalogue(input))).toEqual([
      {
        path: ['groups', 1, 'items', 0, 'id'],
        message: 'Nhóm B, tiêu chí A.1: mã tiêu chí A.1 bị trùng (đã dùng ở Nhóm A)',
      },
    ]);
  });

  it('duplicate group ids and duplicate sub-item ids', () => {
    const input = demoCatalogueInput();
    const [groupA, groupB] = input.groups;
    if (groupB) groupB.id = 'A';
    const item = groupA?.items[1];
    const second = item?.kind === 'scored' ? item.subItems?.[1] : undefined;
    if (second) second.id = 'A.2.1';
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm A, tiêu chí A.2, nội dung A.2.1: mã nội dung A.2.1 bị trùng trong tiêu chí',
      'Nhóm A: mã nhóm A bị trùng',
    ]);
  });

  it('an unknown kind of criterion', () => {
    const input = demoCatalogueInput() as unknown as { groups: { items: Record<string, unknown>[] }[] };
    const item = input.groups[0]?.items[3];
    if (item) item.kind = 'bonus';
    expect(errorsOf(validateCatalogue(input))).toEqual([
      {
        path: ['groups', 0, 'items', 3, 'kind'],
        message: 'Nhóm A, tiêu chí A.4: loại tiêu chí «bonus» không hợp lệ; chỉ chấp nhận: mandatory, scored',
      },
    ]);
  });

  it('a missing or blank title, and a non-positive maximum', () => {
    const input = demoCatalogueInput() as unknown as {
      groups: { title?: string; items: Record<string, unknown>[] }[];
    };
    const group = input.groups[1];
    if (group) delete group.title;
    const item = input.groups[0]?.items[3];
    if (item) {
      item.title = '   ';
      item.maxPoints = 0;
    }
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm A, tiêu chí A.4: tên không được để trống',
      'Nhóm A, tiêu chí A.4: điểm tối đa phải lớn hơn 0',
      'Nhóm B: thiếu tên',
    ]);
  });

  it('bands out of order, or giving more than the maximum', () => {
    const input = demoCatalogueInput();
    const item = input.groups[0]?.items[2];
    if (item?.kind === 'scored') {
      item.ratioBands = [
        { minRatio: 0.5, points: 15 },
        { minRatio: 0.8, points: 35 },
      ];
    }
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm A, tiêu chí A.3, thang quy đổi tỷ lệ, bậc 2: điểm của bậc (35) vượt điểm tối đa (30)',
      'Nhóm A, tiêu chí A.3, thang quy đổi tỷ lệ, bậc 2: các bậc phải xếp theo tỷ lệ tối thiểu giảm dần và không trùng nhau',
    ]);
  });

  it('a lower band giving more points than a higher one', () => {
    const input = demoCatalogueInput();
    const item = input.groups[1]?.items[1];
    if (item?.kind === 'scored') {
      item.countBands = [
        { minCount: 20, points: 40 },
        { minCount: 10, points: 60 },
      ];
    }
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm B, tiêu chí B.2, thang quy đổi số lượng, bậc 2: bậc có số lượng thấp hơn không được cho nhiều điểm hơn bậc trên',
    ]);
  });

  it('level thresholds out of order or above the maximum', () => {
    const input = demoCatalogueInput();
    const group = input.groups[0];
    if (group) {
      group.levelThresholds = [
        { level: 3, minTotal: 75, inclusive: false },
        { level: 2, minTotal: 120, inclusive: true },
      ];
    }
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm A, ngưỡng mức thứ 2: ngưỡng (120) vượt điểm tối đa (100), mức 2 không thể đạt',
      'Nhóm A, ngưỡng mức thứ 2: các ngưỡng phải xếp theo mức tăng dần, mức cao hơn cần điểm cao hơn',
    ]);
  });

  it('settings that need data: lowest_group needs group thresholds, total_score needs unit thresholds', () => {
    const input = demoCatalogueInput();
    const group = input.groups[1];
    if (group) delete group.levelThresholds;
    expect(errorsOf(validateCatalogue(input)).map((error) => error.message)).toEqual([
      'Nhóm B: nhóm chưa có ngưỡng mức, trong khi mức của đơn vị lấy theo nhóm thấp nhất',
    ]);
    const totalScore = { ...demoCatalogueInput(), settings: { combineRule: 'total_score' as const } };
    expect(errorsOf(validateCatalogue(totalScore)).map((error) => error.message)).toEqual([
      'Cài đặt: cách tổng hợp theo tổng điểm cần khai báo ngưỡng mức của đơn vị',
    ]);
  });

  it('input that is not a catalogue at all', () => {
    expect(errorsOf(validateCatalogue('abc'))).toEqual([
      { path: [], message: 'Bộ tiêu chí: dữ liệu phải là đối tượng, nhận được «abc»' },
    ]);
    expect(errorsOf(validateCatalogue({ ...demoCatalogueInput(), subjectKind: 'district' }))).toEqual([
      {
        path: ['subjectKind'],
        message: 'Bộ tiêu chí: đối tượng đánh giá «district» không hợp lệ; chỉ chấp nhận: school, office',
      },
    ]);
  });
});
