import { describe, expect, it } from 'vitest';
import type { CatalogueMeta } from './rows-layout.ts';
import { catalogueFromRows } from './rows-read.ts';
import { catalogueToRows } from './rows-write.ts';
import { DX_LIKE_THRESHOLDS, demoCatalogueInput } from './test-fixtures.ts';
import { validateCatalogue } from './validate.ts';

const meta: CatalogueMeta = {
  code: 'demo',
  version: '1',
  title: 'Thử',
  subjectKind: 'school',
  defaultGroupMaxPoints: 100,
  defaultGroupLevelThresholds: DX_LIKE_THRESHOLDS,
};

type Cells = Record<string, string | number | null>;

function messages(result: ReturnType<typeof catalogueFromRows>) {
  return result.ok ? [] : result.errors.map(({ row, column, message }) => ({ row, column, message }));
}

describe('catalogueToRows → catalogueFromRows', () => {
  it('gives back the same catalogue (template round trip)', () => {
    const original = validateCatalogue(demoCatalogueInput());
    if (!original.ok) throw new Error('fixture must be valid');
    const { meta: exported, rows } = catalogueToRows(original.catalogue);
    const imported = catalogueFromRows(rows, exported);
    expect(imported).toEqual({ ok: true, catalogue: original.catalogue, warnings: [] });
  });

  it('writes one row per criterion and per sub-criterion, group cells on the group’s first row', () => {
    const original = validateCatalogue(demoCatalogueInput());
    if (!original.ok) throw new Error('fixture must be valid');
    const { rows } = catalogueToRows(original.catalogue);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({
      group_id: 'A',
      group_title: 'Nhóm A',
      group_levels: '>=50:2; >75:3',
      item_id: 'A.1',
      kind: 'mandatory',
      evidence: 'file=Kế hoạch',
    });
    expect(rows[2]).toMatchObject({
      group_title: null,
      item_id: 'A.2',
      sub_item_id: 'A.2.1',
      sub_item_max: 20,
      status: 'confirmed',
    });
    expect(rows[4]).toMatchObject({
      item_id: 'A.3',
      bands: 'ratio >=80%:30; >=50%:15',
      evidence: 'metric:staff_active_accounts',
    });
    expect(rows[7]).toMatchObject({
      item_id: 'B.2',
      bands: 'count >=20:60; >=10:40; >=1:20',
      item_levels: '>=10:2; >20:3',
    });
    expect(rows[8]).toMatchObject({ item_id: 'B.3', sub_items_capped: 'x' });
  });
});

describe('catalogueFromRows: reading a hand-filled sheet', () => {
  it('accepts Vietnamese keywords, decimal commas and header names in any case', () => {
    const rows: Cells[] = [
      {
        'Group ID': 'I',
        'Group Title': 'Dạy, học',
        'Item ID': 'I.1',
        'Item Title': 'Kế hoạch',
        Kind: 'điều kiện bắt buộc',
        Evidence: 'tệp=Kế hoạch năm học',
      },
      {
        group_id: 'I',
        item_id: 'I.6',
        item_title: 'Giáo viên',
        kind: 'tính điểm',
        max_points: '20',
        status: 'cần kiểm tra',
      },
      {
        group_id: 'I',
        item_id: 'I.6',
        sub_item_id: 'I.6.1',
        sub_item_title: 'Tài khoản',
        sub_item_max: '7',
        bands: 'tỷ lệ ≥80%:7; ≥50%:3,5',
        metric_id: 'teachers_with_training_accounts_share',
      },
      { group_id: 'I', item_id: 'I.6', sub_item_id: 'I.6.2', sub_item_title: 'Học liệu', sub_item_max: 13 },
      { group_id: null, item_id: null },
    ];
    const result = catalogueFromRows(rows, { ...meta, draftNotice: 'Dự thảo: thiếu tiêu chí.' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [mandatory, scored] = result.catalogue.groups[0]?.items ?? [];
    expect(mandatory).toMatchObject({
      kind: 'mandatory',
      evidence: [{ kind: 'file', label: 'Kế hoạch năm học' }],
    });
    expect(scored).toMatchObject({ kind: 'scored', maxPoints: 20, status: 'to_verify' });
    expect(scored?.kind === 'scored' && scored.subItems?.[0]?.ratioBands).toEqual([
      { minRatio: 0.8, points: 7 },
      { minRatio: 0.5, points: 3.5 },
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Dòng 2, cột group_max_points: Nhóm I: tổng điểm tối đa của các tiêu chí (20) thấp hơn điểm tối đa của nhóm (100), còn thiếu 80 điểm; bộ tiêu chí được đánh dấu chưa đầy đủ và mọi trang in ghi chú này',
    ]);
  });

  it('reports each bad cell with its row number and column', () => {
    const rows: Cells[] = [
      { group_id: 'I', item_id: 'I.1', item_title: 'Kế hoạch', kind: 'bonus' },
      { group_id: 'I', item_id: 'I.2', item_title: 'Phần mềm', kind: 'scored', max_points: 'ba mươi' },
      { group_id: 'I', item_id: 'I.3', sub_item_id: 'I.3.1', sub_item_title: 'Trực tiếp', sub_item_max: 6 },
      {
        group_id: 'I',
        item_id: 'I.4',
        item_title: 'Học liệu',
        kind: 'scored',
        max_points: 10,
        bands: 'ratio 80%',
      },
      { item_id: 'I.5', item_title: 'Thiếu nhóm', kind: 'scored', max_points: 5 },
    ];
    expect(messages(catalogueFromRows(rows, meta))).toEqual([
      {
        row: 2,
        column: 'group_title',
        message: 'Dòng 2, cột group_title: thiếu tên nhóm I ở dòng đầu tiên của nhóm',
      },
      {
        row: 2,
        column: 'kind',
        message:
          'Dòng 2, cột kind: loại tiêu chí «bonus» không hợp lệ; dùng mandatory (điều kiện bắt buộc) hoặc scored (tính điểm)',
      },
      { row: 3, column: 'max_points', message: 'Dòng 3, cột max_points: «bamươi» không phải là số' },
      {
        row: 4,
        column: 'item_id',
        message:
          'Dòng 4, cột item_id: tiêu chí I.3 chưa được khai báo: thêm một dòng tiêu chí (để trống sub_item_id) phía trên',
      },
      { row: 5, column: 'bands', message: 'Dòng 5, cột bands: bậc «80%» không đúng dạng, ví dụ >=80%:10' },
      { row: 6, column: 'group_id', message: 'Dòng 6, cột group_id: thiếu mã nhóm' },
    ]);
  });

  it('points catalogue-level errors at the row that declared the criterion', () => {
    const rows: Cells[] = [
      {
        group_id: 'II',
        group_title: 'Quản trị',
        item_id: 'II.3',
        item_title: 'Hệ thống quản trị',
        kind: 'scored',
        max_points: 60,
      },
      {
        group_id: 'II',
        item_id: 'II.3',
        sub_item_id: 'II.3.1',
        sub_item_title: 'Học sinh',
        sub_item_max: 40,
      },
      { group_id: 'II', item_id: 'II.3', sub_item_id: 'II.3.2', sub_item_title: 'Đội ngũ', sub_item_max: 30 },
      { group_id: 'II', item_id: 'II.3', sub_item_id: 'II.3.2', sub_item_title: 'Trùng', sub_item_max: 0 },
    ];
    expect(messages(catalogueFromRows(rows, { ...meta, firstRowNumber: 5 }))).toEqual([
      {
        row: 8,
        column: 'sub_item_max',
        message:
          'Dòng 8, cột sub_item_max: Nhóm II, tiêu chí II.3, nội dung II.3.2: điểm tối đa phải lớn hơn 0',
      },
    ]);
    expect(messages(catalogueFromRows(rows.slice(0, 3), { ...meta, draftNotice: 'Dự thảo.' }))).toEqual([
      {
        row: 2,
        column: 'max_points',
        message:
          'Dòng 2, cột max_points: Nhóm II, tiêu chí II.3: tổng điểm thành phần (70) vượt điểm tối đa (60)',
      },
    ]);
  });

  it('refuses a criterion declared twice or moved to another group', () => {
    const rows: Cells[] = [
      { group_id: 'I', group_title: 'Dạy, học', item_id: 'I.1', item_title: 'Kế hoạch', kind: 'mandatory' },
      { group_id: 'I', item_id: 'I.1', item_title: 'Kế hoạch', kind: 'mandatory' },
      {
        group_id: 'II',
        group_title: 'Quản trị',
        item_id: 'I.1',
        sub_item_id: 'x',
        sub_item_title: 'x',
        sub_item_max: 1,
      },
      { group_id: 'I', item_id: 'I.1', sub_item_id: 'I.1.1', sub_item_title: 'Nội dung', sub_item_max: 1 },
    ];
    expect(messages(catalogueFromRows(rows, meta)).map((error) => error.message)).toEqual([
      'Dòng 3, cột item_id: mã tiêu chí I.1 bị trùng với dòng 2',
      'Dòng 4, cột group_id: tiêu chí I.1 đã khai báo ở nhóm I (dòng 2)',
      'Dòng 5, cột sub_item_id: I.1 là điều kiện bắt buộc, không có nội dung thành phần',
    ]);
  });
});
