import {
  type Cell,
  cellText,
  type Parsed,
  parseBands,
  parseEvidence,
  parseFlag,
  parseKind,
  parseLevels,
  parseNumber,
  parseStatus,
} from './rows-format.ts';
import {
  CATALOGUE_ROW_COLUMNS,
  type CatalogueColumn,
  type CatalogueFromRowsResult,
  type CatalogueMeta,
  type DeclaredAt,
  locateIssue,
  type RowIssue,
} from './rows-layout.ts';
import type { CatalogueInput } from './schema.ts';
import { validateCatalogue } from './validate.ts';

type GroupDraft = CatalogueInput['groups'][number];
type ItemDraft = GroupDraft['items'][number];
type ScoredDraft = Extract<ItemDraft, { kind: 'scored' }>;
type SubItemDraft = NonNullable<ScoredDraft['subItems']>[number];

/** One sheet row, with its cells under normalised header names ("Group ID" → `group_id`). */
class RowReader {
  readonly errors: RowIssue[] = [];
  private readonly cells: Record<string, Cell> = {};

  constructor(
    raw: Record<string, Cell>,
    readonly row: number,
  ) {
    for (const [key, value] of Object.entries(raw))
      this.cells[key.trim().toLowerCase().replace(/\s+/g, '_')] = value;
  }

  text(column: CatalogueColumn): string {
    return cellText(this.cells[column]);
  }

  isEmpty(): boolean {
    return CATALOGUE_ROW_COLUMNS.every((column) => this.text(column) === '');
  }

  fail(column: CatalogueColumn, message: string): void {
    this.errors.push({
      row: this.row,
      column,
      severity: 'error',
      message: `Dòng ${this.row}, cột ${column}: ${message}`,
    });
  }

  parse<T>(column: CatalogueColumn, parser: (cell: Cell) => Parsed<T>): T | undefined {
    const parsed = parser(this.cells[column]);
    if (parsed.ok) return parsed.value;
    this.fail(column, parsed.message);
    return undefined;
  }

  /** A number the row must have: reports a missing or unreadable cell. */
  required(column: CatalogueColumn, missing: string): number | undefined {
    const value = this.parse(column, parseNumber);
    if (value === undefined && this.text(column) === '') this.fail(column, missing);
    return value;
  }

  /** bands, evidence, metric_id, status and note of whatever the row declares. */
  ownFields() {
    const { ratioBands, countBands } = this.parse('bands', parseBands) ?? {};
    const evidence = this.parse('evidence', parseEvidence) ?? [];
    const metricId = this.text('metric_id') || undefined;
    const status = this.parse('status', parseStatus);
    const note = this.text('note') || undefined;
    const bands = { ...(ratioBands && { ratioBands }), ...(countBands && { countBands }) };
    return {
      ...bands,
      evidence,
      ...(metricId && { metricId }),
      ...(status && { status }),
      ...(note && { note }),
    };
  }
}

function readItem(reader: RowReader, id: string): ItemDraft | undefined {
  const title = reader.text('item_title');
  const kind = reader.parse('kind', parseKind);
  if (!title) reader.fail('item_title', `thiếu tên tiêu chí ${id}`);
  if (!reader.text('kind')) reader.fail('kind', `thiếu loại tiêu chí ${id} (mandatory hoặc scored)`);
  const { ratioBands, countBands, ...fields } = reader.ownFields();
  if (kind === 'mandatory') {
    if (reader.text('max_points') || ratioBands || countBands) {
      reader.fail('max_points', 'điều kiện bắt buộc không có điểm; để trống max_points và bands');
    }
    return title ? { kind, id, title, ...fields } : undefined;
  }
  if (kind !== 'scored') return undefined;
  const maxPoints = reader.required('max_points', `thiếu điểm tối đa của tiêu chí ${id}`);
  const levelThresholds = reader.parse('item_levels', parseLevels);
  const capSubItemSum = reader.parse('sub_items_capped', parseFlag) ?? false;
  if (!title || maxPoints === undefined) return undefined;
  const bands = { ...(ratioBands && { ratioBands }), ...(countBands && { countBands }) };
  return {
    kind,
    id,
    title,
    maxPoints,
    capSubItemSum,
    ...(levelThresholds && { levelThresholds }),
    ...bands,
    ...fields,
  };
}

function readSubItem(reader: RowReader, id: string): SubItemDraft | undefined {
  const title = reader.text('sub_item_title');
  if (!title) reader.fail('sub_item_title', `thiếu tên nội dung ${id}`);
  const maxPoints = reader.required('sub_item_max', `thiếu điểm tối đa của nội dung ${id}`);
  const fields = reader.ownFields();
  return title && maxPoints !== undefined ? { id, title, maxPoints, ...fields } : undefined;
}

/** The catalogue being assembled, and where each part was declared (for pointing errors at rows). */
class Assembly {
  readonly groups: GroupDraft[] = [];
  readonly declared: DeclaredAt[] = [];
  private readonly groupAt = new Map<string, { index: number; row: number }>();
  private readonly itemAt = new Map<
    string,
    { groupId: string; item: ItemDraft; row: number; at: DeclaredAt }
  >();

  constructor(private readonly meta: CatalogueMeta) {}

  /** The row's group, declared on its first row; later rows may repeat the title but not change it. */
  group(reader: RowReader): GroupDraft | undefined {
    const id = reader.text('group_id');
    if (!id) {
      reader.fail('group_id', 'thiếu mã nhóm');
      return undefined;
    }
    const known = this.groupAt.get(id);
    const title = reader.text('group_title');
    if (known) {
      const group = this.groups[known.index];
      if (group && title && title !== group.title)
        reader.fail('group_title', `tên nhóm ${id} khác với dòng ${known.row}`);
      return group;
    }
    if (!title) reader.fail('group_title', `thiếu tên nhóm ${id} ở dòng đầu tiên của nhóm`);
    const maxPoints = reader.parse('group_max_points', parseNumber) ?? this.meta.defaultGroupMaxPoints;
    if (maxPoints === undefined) reader.fail('group_max_points', `thiếu điểm tối đa của nhóm ${id}`);
    const levelThresholds =
      reader.parse('group_levels', parseLevels) ?? this.meta.defaultGroupLevelThresholds;
    const note = reader.text('group_note') || undefined;
    const group: GroupDraft = {
      id,
      title,
      maxPoints: maxPoints ?? 0,
      items: [],
      ...(levelThresholds && { levelThresholds }),
      ...(note && { note }),
    };
    this.groupAt.set(id, { index: this.groups.length, row: reader.row });
    this.declared.push({ row: reader.row, groupIndex: this.groups.length });
    this.groups.push(group);
    return group;
  }

  item(reader: RowReader, group: GroupDraft, id: string): void {
    const known = this.itemAt.get(id);
    if (known && known.groupId !== group.id) {
      reader.fail('group_id', movedGroup(id, known));
    } else if (known) {
      reader.fail('item_id', `mã tiêu chí ${id} bị trùng với dòng ${known.row}`);
    } else {
      const item = readItem(reader, id);
      if (!item) return;
      const at = { row: reader.row, groupIndex: this.groups.indexOf(group), itemIndex: group.items.length };
      this.itemAt.set(id, { groupId: group.id, item, row: reader.row, at });
      this.declared.push(at);
      group.items.push(item);
    }
  }

  subItem(reader: RowReader, group: GroupDraft, itemId: string, id: string): void {
    const known = this.itemAt.get(itemId);
    if (!known) {
      const hint = 'thêm một dòng tiêu chí (để trống sub_item_id) phía trên';
      reader.fail('item_id', `tiêu chí ${itemId} chưa được khai báo: ${hint}`);
    } else if (known.groupId !== group.id) {
      reader.fail('group_id', movedGroup(itemId, known));
    } else if (known.item.kind !== 'scored') {
      reader.fail('sub_item_id', `${itemId} là điều kiện bắt buộc, không có nội dung thành phần`);
    } else {
      const subItem = readSubItem(reader, id);
      if (!subItem) return;
      const subItems = known.item.subItems ?? [];
      known.item.subItems = subItems;
      this.declared.push({ ...known.at, row: reader.row, subItemIndex: subItems.length });
      subItems.push(subItem);
    }
  }
}

function movedGroup(itemId: string, known: { groupId: string; row: number }): string {
  return `tiêu chí ${itemId} đã khai báo ở nhóm ${known.groupId} (dòng ${known.row})`;
}

/**
 * Builds a catalogue from spreadsheet rows (layout in `rows-layout.ts`) and validates it. Errors carry the row
 * number, the column and a Vietnamese message; no catalogue is returned until every row is right.
 */
export function catalogueFromRows(
  rows: readonly Record<string, Cell>[],
  meta: CatalogueMeta,
): CatalogueFromRowsResult {
  const firstRow = meta.firstRowNumber ?? 2;
  const assembly = new Assembly(meta);
  const errors: RowIssue[] = [];
  rows.forEach((raw, index) => {
    const reader = new RowReader(raw, firstRow + index);
    if (reader.isEmpty()) return;
    const group = assembly.group(reader);
    const itemId = reader.text('item_id');
    const subItemId = reader.text('sub_item_id');
    if (!itemId && (subItemId || reader.text('item_title'))) reader.fail('item_id', 'thiếu mã tiêu chí');
    if (group && itemId && !subItemId) assembly.item(reader, group, itemId);
    if (group && itemId && subItemId) assembly.subItem(reader, group, itemId, subItemId);
    errors.push(...reader.errors);
  });
  if (errors.length > 0) return { ok: false, errors, warnings: [] };

  const validation = validateCatalogue({
    code: meta.code,
    version: meta.version,
    title: meta.title,
    subjectKind: meta.subjectKind,
    ...(meta.source && { source: meta.source }),
    ...(meta.draftNotice && { draftNotice: meta.draftNotice }),
    ...(meta.levelLabels && { levelLabels: meta.levelLabels }),
    ...(meta.settings && { settings: meta.settings }),
    groups: assembly.groups,
  } satisfies CatalogueInput);
  const warnings = validation.warnings.map((issue) => locateIssue(issue, assembly.declared));
  if (!validation.ok)
    return {
      ok: false,
      errors: validation.errors.map((issue) => locateIssue(issue, assembly.declared)),
      warnings,
    };
  return { ok: true, catalogue: validation.catalogue, warnings };
}
