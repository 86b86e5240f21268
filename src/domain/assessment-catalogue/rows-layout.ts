import type { CatalogueIssue } from './cross-checks.ts';
import type { Catalogue, CatalogueInput, LevelLabel, LevelThreshold } from './schema.ts';

/**
 * Spreadsheet layout of a catalogue, one criterion or sub-criterion per row (header names as below, any case):
 *
 * | column | meaning |
 * |---|---|
 * | group_id, group_title | group (nhóm tiêu chí); the title is needed on the group's first row only |
 * | group_max_points | group maximum (first row of the group; default `meta.defaultGroupMaxPoints`) |
 * | group_levels | group thresholds, `>=50:2; >75:3` (default `meta.defaultGroupLevelThresholds`) |
 * | group_note | remark on the group |
 * | item_id, item_title | criterion (tiêu chí) |
 * | kind | `mandatory` (điều kiện bắt buộc) or `scored` (tính điểm) |
 * | max_points | criterion maximum (scored only) |
 * | item_levels | criterion-level "Mức độ" thresholds, same form as group_levels |
 * | sub_items_capped | `x` when the sub-items may add up to more than max_points (total capped) |
 * | sub_item_id, sub_item_title, sub_item_max | sub-criterion (nội dung thành phần), on rows after its criterion |
 * | bands | `ratio >=80%:10; >=50%:5` or `count >=20:6; >=10:4` |
 * | evidence | `file=Kế hoạch; link; text; metric:staff_active_accounts` |
 * | metric_id | platform metric that measures the row |
 * | status | `confirmed` or `to_verify` (empty = confirmed) |
 * | note | remark on the row |
 *
 * A row without sub_item_id declares a criterion; a row with one adds a sub-criterion to the criterion of the same
 * item_id declared above it. bands, evidence, metric_id, status and note belong to whatever the row declares.
 * Catalogue-wide fields (code, version, title, settings…) travel beside the rows as `CatalogueMeta`.
 */
// biome-ignore format: one line per spreadsheet area reads better than one column per line
export const CATALOGUE_ROW_COLUMNS = [
  'group_id', 'group_title', 'group_max_points', 'group_levels', 'group_note',
  'item_id', 'item_title', 'kind', 'max_points', 'item_levels', 'sub_items_capped',
  'sub_item_id', 'sub_item_title', 'sub_item_max',
  'bands', 'evidence', 'metric_id', 'status', 'note',
] as const;

export type CatalogueColumn = (typeof CATALOGUE_ROW_COLUMNS)[number];
export type CatalogueRow = Record<CatalogueColumn, string | number | null>;

export interface CatalogueMeta {
  code: string;
  version: string;
  title: string;
  subjectKind: 'school' | 'office';
  source?: string;
  draftNotice?: string;
  levelLabels?: LevelLabel[];
  settings?: CatalogueInput['settings'];
  defaultGroupMaxPoints?: number;
  defaultGroupLevelThresholds?: LevelThreshold[];
  /** Spreadsheet row number of `rows[0]`, for messages; default 2 (headers on row 1). */
  firstRowNumber?: number;
}

export interface RowIssue {
  /** Spreadsheet row number; null when the problem is not tied to one row. */
  row: number | null;
  column: CatalogueColumn | null;
  severity: 'error' | 'warning';
  message: string;
}

export type CatalogueFromRowsResult =
  | { ok: true; catalogue: Catalogue; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

/** Where a group, criterion or sub-criterion was declared in the sheet. */
export interface DeclaredAt {
  row: number;
  groupIndex: number;
  itemIndex?: number;
  subItemIndex?: number;
}

/** [group, criterion, sub-criterion] column holding a catalogue field named in a validation path. */
const FIELD_COLUMNS: Record<string, readonly [CatalogueColumn, CatalogueColumn, CatalogueColumn]> = {
  id: ['group_id', 'item_id', 'sub_item_id'],
  title: ['group_title', 'item_title', 'sub_item_title'],
  maxPoints: ['group_max_points', 'max_points', 'sub_item_max'],
  levelThresholds: ['group_levels', 'item_levels', 'item_levels'],
  items: ['group_max_points', 'group_max_points', 'group_max_points'],
  subItems: ['max_points', 'max_points', 'max_points'],
  ratioBands: ['bands', 'bands', 'bands'],
  countBands: ['bands', 'bands', 'bands'],
  evidence: ['evidence', 'evidence', 'evidence'],
  metricId: ['metric_id', 'metric_id', 'metric_id'],
  status: ['status', 'status', 'status'],
  note: ['group_note', 'note', 'note'],
  kind: ['kind', 'kind', 'kind'],
};

/** Points a catalogue validation issue at the row that declared what it is about, and the column to fix. */
export function locateIssue(issue: CatalogueIssue, declared: readonly DeclaredAt[]): RowIssue {
  const [root, groupIndex, itemsKey, itemIndex, subItemsKey, subItemIndex] = issue.path;
  const isItem = itemsKey === 'items' && typeof itemIndex === 'number';
  const depth = isItem && subItemsKey === 'subItems' && typeof subItemIndex === 'number' ? 2 : isItem ? 1 : 0;
  const match =
    root === 'groups'
      ? declared.find(
          (entry) =>
            entry.groupIndex === groupIndex &&
            entry.itemIndex === (depth >= 1 ? itemIndex : undefined) &&
            entry.subItemIndex === (depth === 2 ? subItemIndex : undefined),
        )
      : undefined;
  const field = issue.path.slice(2 + depth * 2).find((key): key is string => typeof key === 'string');
  const column = match && field ? (FIELD_COLUMNS[field]?.[depth] ?? null) : null;
  const where = match ? `Dòng ${match.row}${column ? `, cột ${column}` : ''}: ` : '';
  return { row: match?.row ?? null, column, severity: issue.severity, message: `${where}${issue.message}` };
}
