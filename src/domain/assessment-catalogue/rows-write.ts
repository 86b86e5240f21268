import { formatBands, formatEvidence, formatLevels } from './rows-format.ts';
import { CATALOGUE_ROW_COLUMNS, type CatalogueMeta, type CatalogueRow } from './rows-layout.ts';
import type { Catalogue, CatalogueGroup, CatalogueItem, SubItem } from './schema.ts';

function emptyRow(): CatalogueRow {
  return Object.fromEntries(CATALOGUE_ROW_COLUMNS.map((column) => [column, null])) as CatalogueRow;
}

function measureCells(owner: CatalogueItem | SubItem): Partial<CatalogueRow> {
  const bands = 'maxPoints' in owner ? formatBands(owner) : null;
  return {
    bands,
    evidence: formatEvidence(owner.evidence),
    metric_id: owner.metricId ?? null,
    status: owner.status,
    note: owner.note ?? null,
  };
}

function groupCells(group: CatalogueGroup): Partial<CatalogueRow> {
  return {
    group_title: group.title,
    group_max_points: group.maxPoints,
    group_levels: formatLevels(group.levelThresholds),
    group_note: group.note ?? null,
  };
}

function itemRows(group: CatalogueGroup, item: CatalogueItem, withGroupCells: boolean): CatalogueRow[] {
  const head: CatalogueRow = {
    ...emptyRow(),
    group_id: group.id,
    ...(withGroupCells && groupCells(group)),
    item_id: item.id,
    item_title: item.title,
    kind: item.kind,
    ...measureCells(item),
  };
  if (item.kind === 'mandatory') return [head];
  head.max_points = item.maxPoints;
  head.item_levels = formatLevels(item.levelThresholds);
  head.sub_items_capped = item.capSubItemSum ? 'x' : null;
  const subRows = (item.subItems ?? []).map(
    (subItem): CatalogueRow => ({
      ...emptyRow(),
      group_id: group.id,
      item_id: item.id,
      sub_item_id: subItem.id,
      sub_item_title: subItem.title,
      sub_item_max: subItem.maxPoints,
      ...measureCells(subItem),
    }),
  );
  return [head, ...subRows];
}

/**
 * The inverse of `catalogueFromRows`: the rows of an .xlsx template (columns `CATALOGUE_ROW_COLUMNS`, group
 * cells on each group's first row) and the meta to pass back when the edited sheet is imported.
 */
export function catalogueToRows(catalogue: Catalogue): { meta: CatalogueMeta; rows: CatalogueRow[] } {
  const rows: CatalogueRow[] = [];
  for (const group of catalogue.groups) {
    if (group.items.length === 0) rows.push({ ...emptyRow(), group_id: group.id, ...groupCells(group) });
    group.items.forEach((item, index) => {
      rows.push(...itemRows(group, item, index === 0));
    });
  }
  const meta: CatalogueMeta = {
    code: catalogue.code,
    version: catalogue.version,
    title: catalogue.title,
    subjectKind: catalogue.subjectKind,
    ...(catalogue.source && { source: catalogue.source }),
    ...(catalogue.draftNotice && { draftNotice: catalogue.draftNotice }),
    levelLabels: catalogue.levelLabels,
    settings: catalogue.settings,
  };
  return { meta, rows };
}
