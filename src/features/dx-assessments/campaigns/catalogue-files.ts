import ExcelJS from 'exceljs';
import { cleanInput } from '#contracts/common.ts';
import {
  CATALOGUE_ROW_COLUMNS,
  type Catalogue,
  type CatalogueMeta,
  catalogueFromRows,
  catalogueToRows,
  validateCatalogue,
} from '../../../domain/assessment-catalogue/index.ts';
import {
  type Cell,
  cellText,
  formatLevels,
  parseFlag,
  parseLevels,
} from '../../../domain/assessment-catalogue/rows-format.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  isTooLong,
  readSpreadsheet,
  type SheetCell,
  type SheetData,
} from '../../../platform/files/spreadsheet-reader.ts';
import { formatCount } from '../../../platform/files/upload-limits.ts';

/**
 * Catalogue files a province office edits: an .xlsx workbook (sheet "Tiêu chí" in the row layout of
 * `catalogueFromRows`, sheet "Thông tin" with the catalogue-wide fields) or the catalogue as JSON.
 */

export const CRITERIA_SHEET = 'Tiêu chí';
export const META_SHEET = 'Thông tin';

export interface FileIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export type ParsedCatalogue = { catalogue: Catalogue; warnings: FileIssue[] };

/** Keys of the "Thông tin" sheet (column A), their meaning (column C) and how the value is written. */
const META_KEYS = [
  ['code', 'Mã bộ tiêu chí (chữ không dấu, không khoảng trắng)'],
  ['version', 'Phiên bản, khác với các phiên bản đã có (ví dụ 2025.1)'],
  ['title', 'Tên bộ tiêu chí'],
  ['subject_kind', 'Đối tượng đánh giá: school (cơ sở giáo dục) hoặc office (cơ quan quản lý)'],
  ['source', 'Căn cứ (số, ngày văn bản)'],
  [
    'draft_notice',
    'Ghi chú in trên mọi trang khi bộ tiêu chí chưa đầy đủ hoặc còn là dự thảo (bắt buộc nếu tổng điểm tiêu chí của nhóm thấp hơn điểm tối đa của nhóm)',
  ],
  [
    'level_labels',
    'Tên các mức, ví dụ 1=Mức 1 - Chưa đáp ứng; 2=Mức 2 - Đáp ứng cơ bản; 3=Mức 3 - Đáp ứng tốt',
  ],
  [
    'combine_rule',
    'Cách xếp mức đơn vị: lowest_group (mức thấp nhất của các nhóm) hoặc total_score (tổng điểm)',
  ],
  ['cap_group_on_unmet_mandatory', 'x: chưa đạt điều kiện bắt buộc thì nhóm chỉ ở Mức 1'],
  ['unit_levels', 'Ngưỡng mức theo tổng điểm (khi combine_rule = total_score), ví dụ >=50:2; >75:3'],
] as const;

function failed(message: string, issues: FileIssue[]): AppError {
  const fields = Object.fromEntries(
    issues.slice(0, 50).map((i, n) => [`rows.${i.row ?? n}.${i.column ?? '_'}`, i.message]),
  );
  return new AppError('validation_failed', message, fields, { issues });
}

export function parseCatalogueJson(content: Buffer): ParsedCatalogue {
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('unreadable_file', `Tệp JSON không đọc được: ${(error as Error).message}.`);
  }
  const validation = validateCatalogue(data);
  const toIssue = (i: { path: (string | number)[]; message: string }) => ({
    row: null,
    column: i.path.join('.') || null,
    message: i.message,
  });
  if (!validation.ok)
    throw failed(
      `Bộ tiêu chí có ${validation.errors.length} lỗi; chưa có gì được lưu.`,
      validation.errors.map(toIssue),
    );
  return checkedText({ catalogue: validation.catalogue, warnings: validation.warnings.map(toIssue) });
}

/** A catalogue's rows and the cells of its long texts (titles, notes, evidence) stay well under these. */
const CATALOGUE_LIMITS = { maxRows: 2_000, maxCellChars: 10_000 };

/** A cell as the row layout expects: text or number (the reader already reduced rich text, formulas, links). */
function cellOf(value: SheetCell | undefined): Cell {
  if (value === null || value === undefined || isTooLong(value)) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'x' : '';
  return value.toISOString().slice(0, 10);
}

/** Cells longer than the limit, as issues on their row and column (the cell itself reads as empty). */
function tooLongCells(sheet: SheetData, issues: FileIssue[]) {
  for (const row of sheet.rows)
    row.cells.forEach((cell, i) => {
      if (isTooLong(cell))
        issues.push({
          row: row.number,
          column: String(i + 1),
          message: `Trang ${sheet.name}, dòng ${row.number}, cột ${i + 1}: ô dài ${formatCount(cell.tooLong)} ký tự; tối đa ${formatCount(CATALOGUE_LIMITS.maxCellChars)}.`,
        });
    });
}

function readMeta(sheet: SheetData | undefined, issues: FileIssue[]): CatalogueMeta | undefined {
  if (!sheet) {
    issues.push({
      row: null,
      column: null,
      message: `Thiếu trang «${META_SHEET}» (mã, phiên bản, tên bộ tiêu chí).`,
    });
    return undefined;
  }
  const values = new Map<string, { row: number; text: string }>();
  for (const row of sheet.rows) {
    const key = cellText(cellOf(row.cells[0])).toLowerCase();
    if (key) values.set(key, { row: row.number, text: cellText(cellOf(row.cells[1])) });
  }
  const fail = (key: string, message: string) =>
    issues.push({
      row: values.get(key)?.row ?? null,
      column: 'B',
      message: `Trang ${META_SHEET}, ${key}${values.get(key) ? ` (dòng ${values.get(key)?.row})` : ''}: ${message}`,
    });
  const get = (key: string) => values.get(key)?.text ?? '';
  for (const key of ['code', 'version', 'title'] as const) if (!get(key)) fail(key, 'chưa điền');
  const subjectKind = get('subject_kind') || 'school';
  if (subjectKind !== 'school' && subjectKind !== 'office') fail('subject_kind', 'ghi school hoặc office');
  const combineRule = get('combine_rule') || 'lowest_group';
  if (combineRule !== 'lowest_group' && combineRule !== 'total_score')
    fail('combine_rule', 'ghi lowest_group hoặc total_score');
  const cap = parseFlag(
    values.has('cap_group_on_unmet_mandatory') ? get('cap_group_on_unmet_mandatory') : 'x',
  );
  if (!cap.ok) fail('cap_group_on_unmet_mandatory', cap.message);
  const unitLevels = parseLevels(get('unit_levels'));
  if (!unitLevels.ok) fail('unit_levels', unitLevels.message);
  const levelLabels = readLevelLabels(get('level_labels'), (message) => fail('level_labels', message));
  if (issues.length > 0 || !cap.ok || !unitLevels.ok) return undefined;
  return {
    code: get('code'),
    version: get('version'),
    title: get('title'),
    subjectKind: subjectKind as 'school' | 'office',
    ...(get('source') && { source: get('source') }),
    ...(get('draft_notice') && { draftNotice: get('draft_notice') }),
    levelLabels,
    settings: {
      combineRule: combineRule as 'lowest_group' | 'total_score',
      capGroupOnUnmetMandatory: cap.value,
      ...(unitLevels.value && { unitLevelThresholds: unitLevels.value }),
    },
  };
}

function readLevelLabels(text: string, fail: (message: string) => void) {
  const labels: { level: number; label: string }[] = [];
  for (const entry of text
    .split(/[;\n]+/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^(\d+)\s*=\s*(.+)$/.exec(entry);
    if (!match) fail(`«${entry}» không đúng dạng, ví dụ 1=Mức 1 - Chưa đáp ứng`);
    else labels.push({ level: Number(match[1]), label: (match[2] ?? '').trim() });
  }
  return labels;
}

function readRows(sheet: SheetData, issues: FileIssue[]) {
  const headers = new Map<number, string>();
  const byNumber = new Map(sheet.rows.map((row) => [row.number, row.cells]));
  (byNumber.get(1) ?? []).forEach((cell, i) => {
    const header = cellText(cellOf(cell)).toLowerCase().replace(/\s+/g, '_');
    if (header) headers.set(i + 1, header);
  });
  const known = new Set<string>(CATALOGUE_ROW_COLUMNS);
  for (const required of ['group_id', 'item_id', 'kind']) {
    if (![...headers.values()].includes(required))
      issues.push({
        row: 1,
        column: required,
        message: `Trang ${CRITERIA_SHEET}, dòng 1: thiếu cột ${required}.`,
      });
  }
  for (const [column, header] of headers) {
    if (header && !known.has(header))
      issues.push({
        row: 1,
        column: header,
        message: `Trang ${CRITERIA_SHEET}, dòng 1, cột ${column}: tên cột «${header}» không có trong mẫu.`,
      });
  }
  // Blank rows stay in place: catalogueFromRows numbers rows by position (firstRowNumber: 2).
  const rows: Record<string, Cell>[] = [];
  const lastRow = Math.max(1, ...byNumber.keys());
  for (let r = 2; r <= lastRow; r++) {
    const cells = byNumber.get(r) ?? [];
    const record: Record<string, Cell> = {};
    for (const [column, header] of headers) if (known.has(header)) record[header] = cellOf(cells[column - 1]);
    rows.push(record);
  }
  return rows;
}

/** Reads the workbook through the platform's guarded reader (upload limits, capped worker thread). */
export async function parseCatalogueWorkbook(file: {
  fileName: string;
  content: Buffer;
}): Promise<ParsedCatalogue> {
  const sheets = await readSpreadsheet(file, {
    rowLimit: { maxRows: CATALOGUE_LIMITS.maxRows, rowNoun: 'tiêu chí' },
    maxCellChars: CATALOGUE_LIMITS.maxCellChars,
    expected: 'tệp Excel .xlsx (theo mẫu tải về) hoặc .json',
  });
  const issues: FileIssue[] = [];
  for (const sheet of sheets) tooLongCells(sheet, issues);
  const meta = readMeta(
    sheets.find((s) => s.name === META_SHEET),
    issues,
  );
  const criteria = sheets.find((s) => s.name === CRITERIA_SHEET);
  if (!criteria) issues.push({ row: null, column: null, message: `Thiếu trang «${CRITERIA_SHEET}».` });
  const rows = criteria ? readRows(criteria, issues) : [];
  if (issues.length > 0 || !meta) throw failed(`Tệp có ${issues.length} lỗi; chưa có gì được lưu.`, issues);
  const result = catalogueFromRows(rows, { ...meta, firstRowNumber: 2 });
  const toIssue = (i: { row: number | null; column: string | null; message: string }) => ({
    row: i.row,
    column: i.column,
    message: `Trang ${CRITERIA_SHEET}, ${i.message.charAt(0).toLowerCase()}${i.message.slice(1)}`,
  });
  if (!result.ok)
    throw failed(`Tệp có ${result.errors.length} lỗi; chưa có gì được lưu.`, result.errors.map(toIssue));
  return checkedText({ catalogue: result.catalogue, warnings: result.warnings.map(toIssue) });
}

/** Titles, notes and ids of a catalogue follow the text rule of every input (NFC, no control characters). */
function checkedText(parsed: ParsedCatalogue): ParsedCatalogue {
  const cleaned = cleanInput(parsed.catalogue);
  if (cleaned.issues.length === 0) return { ...parsed, catalogue: cleaned.value as Catalogue };
  const issues = cleaned.issues.map((issue) => ({
    row: null,
    column: issue.path.map(String).join('.') || null,
    message: issue.message,
  }));
  throw failed(`Bộ tiêu chí có ${issues.length} lỗi; chưa có gì được lưu.`, issues);
}

/** The import template: a catalogue in the row layout and its catalogue-wide fields with their meaning. */
export async function catalogueWorkbook(catalogue: Catalogue): Promise<Buffer> {
  const { meta, rows } = catalogueToRows(catalogue);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const sheet = workbook.addWorksheet(CRITERIA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CATALOGUE_ROW_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: column.endsWith('title') ? 50 : column === 'note' || column === 'evidence' ? 40 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const info = workbook.addWorksheet(META_SHEET);
  info.columns = [
    { header: 'Khóa', key: 'key', width: 30 },
    { header: 'Giá trị', key: 'value', width: 60 },
    { header: 'Ý nghĩa', key: 'meaning', width: 80 },
  ];
  info.getRow(1).font = { bold: true };
  const values: Record<(typeof META_KEYS)[number][0], string> = {
    code: meta.code,
    version: meta.version,
    title: meta.title,
    subject_kind: meta.subjectKind,
    source: meta.source ?? '',
    draft_notice: meta.draftNotice ?? '',
    level_labels: (meta.levelLabels ?? []).map((l) => `${l.level}=${l.label}`).join('; '),
    combine_rule: catalogue.settings.combineRule,
    cap_group_on_unmet_mandatory: catalogue.settings.capGroupOnUnmetMandatory ? 'x' : '',
    unit_levels: formatLevels(catalogue.settings.unitLevelThresholds) ?? '',
  };
  for (const [key, meaning] of META_KEYS) info.addRow({ key, value: values[key], meaning });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
