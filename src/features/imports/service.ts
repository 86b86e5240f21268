import { XLSX_MIME } from '#contracts/common.ts';
import type { ImportMode } from '#contracts/imports.ts';
import { todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { readStoredFile, storeFile } from '../../platform/files/store.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import {
  type CellValue,
  findImportKind,
  type ImportKind,
  ImportRowRefused,
  type ImportUnit,
  importedColumns,
  importKinds,
  importPermission,
  type RowError,
  type ValidatedRow,
} from '../../platform/imports/kinds.ts';
import { sortErrors } from '../../platform/imports/rows.ts';
import type { JobProgress, JobRunner } from '../../platform/jobs/runner.ts';
import { markErrors } from './error-workbook.ts';
import { FILE_PURPOSE, notCommitted } from './queries.ts';
import { readWorkbook, toCell, writeWorkbook } from './workbook.ts';

export const IMPORT_JOB = 'imports.commit';
/** The preview shows this many rows; errors are always listed in full. */
const PREVIEW_ROWS = 3000;
const YIELD_EVERY = 20;

export interface ImportPayload {
  unitId: string;
  kind: string;
  fileId: string;
  /** Absent in jobs queued before update mode: create. */
  mode?: ImportMode;
}

export interface ImportResult {
  kind: string;
  mode: ImportMode;
  created: number;
  updated: number;
  unchanged: number;
}

function kindOf(kind: string): ImportKind {
  const found = findImportKind(kind);
  if (!found)
    throw new AppError('validation_failed', `Không có loại dữ liệu "${kind}" để nhập.`, {
      kind: 'Chọn loại dữ liệu.',
    });
  return found;
}

export function listImportKinds() {
  return importKinds().map((k) => ({
    kind: k.kind,
    label: k.label,
    permission: importPermission(k),
    updates: k.updates === true,
    columns: importedColumns(k).map((c) => ({ key: c.key, header: c.header, required: c.required ?? false })),
  }));
}

/** The blank template: data sheet with headers and drop-downs, instructions, lists. */
export async function importTemplate(kind: string) {
  const k = kindOf(kind);
  return { fileName: `mau-nhap-${k.fileStem}.xlsx`, content: await writeWorkbook(k, []) };
}

/** The unit's current list as a workbook the importer reads back (same sheet and columns). */
export async function exportList(ctx: ServiceContext, unitId: string, kind: string) {
  const k = kindOf(kind);
  const { records, omit } = await k.exportList(ctx, unitId);
  const unit = await ctx.db
    .selectFrom('units')
    .select('code')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return {
    fileName: `${k.fileStem}-${unit.code}.xlsx`,
    content: await writeWorkbook(k, records, omit),
    count: records.length,
  };
}

type Sheet = Awaited<ReturnType<typeof readWorkbook>>;

interface Checked {
  kind: ImportKind;
  mode: ImportMode;
  unit: ImportUnit;
  total: number;
  rows: ValidatedRow<unknown>[];
  errors: RowError[];
  records: { rowNumber: number; values: Record<string, string> }[];
}

/** Reads and checks a file for a school: every error of the file, and the rows as they will be written. */
async function checkFile(
  ctx: ServiceContext,
  unitId: string,
  kind: string,
  mode: ImportMode,
  file: { fileName: string; content: Buffer },
  read?: Sheet,
): Promise<Checked> {
  const k = kindOf(kind);
  const unit = await requireSchool(ctx, importPermission(k), unitId);
  if (mode === 'upsert' && !k.updates) {
    throw new AppError('validation_failed', `Danh sách ${k.label.toLowerCase()} chỉ nhập được để thêm mới.`, {
      mode: 'Chọn "Chỉ thêm mới".',
    });
  }
  const sheet = read ?? (await readWorkbook(k, file));
  const validation = sheet.records.length
    ? await k.validate(ctx, unit, sheet.records, mode)
    : { rows: [], errors: [] };
  const columns = importedColumns(k);
  return {
    kind: k,
    mode,
    unit,
    total: sheet.records.length,
    rows: validation.rows,
    errors: sortErrors([...sheet.errors, ...validation.errors], k.columns),
    records: sheet.records.map((r) => ({
      rowNumber: r.rowNumber,
      values: Object.fromEntries(
        columns.map((c) => [c.key, String(toCell(c, r.values[c.key] ?? null) ?? '')]),
      ),
    })),
  };
}

/**
 * Checks an uploaded file without writing any record, and keeps the file so the commit imports exactly what was
 * previewed.
 */
export async function previewImport(
  ctx: ServiceContext,
  input: {
    unitId: string;
    kind: string;
    mode?: ImportMode;
    file: Pick<UploadedFile, 'fileName' | 'content'>;
  },
) {
  const mode = input.mode ?? 'create';
  const checked = await checkFile(ctx, input.unitId, input.kind, mode, input.file);
  // Kept with errors too, for the download with the bad cells marked; the daily clean-up removes what nobody commits.
  const stored = await storeFile(ctx, {
    unitId: input.unitId,
    fileName: input.file.fileName,
    mimeType: XLSX_MIME,
    content: input.file.content,
    purpose: FILE_PURPOSE,
  });
  const outcomes = rowOutcomes(checked);
  return {
    kind: checked.kind.kind,
    mode,
    unitId: input.unitId,
    previewId: stored.id,
    fileId: checked.errors.length ? null : stored.id,
    fileName: input.file.fileName,
    total: checked.total,
    valid: checked.errors.length === 0,
    columns: importedColumns(checked.kind).map((c) => ({ key: c.key, header: c.header })),
    counts: countsOf(withoutErrors(checked)),
    rows: checked.records.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, ...outcomes.get(r.rowNumber) })),
    errors: checked.errors,
  };
}

/** What the commit does with each row: created, updated or left alone (how many of each). */
function countsOf(rows: readonly ValidatedRow<unknown>[]) {
  const changed = rows.filter((r) => r.match && r.match.changes.length > 0).length;
  const unchanged = rows.filter((r) => r.match && r.match.changes.length === 0).length;
  return { created: rows.length - changed - unchanged, changed, unchanged };
}

/** The rows the file's errors do not name. */
function withoutErrors(checked: Checked) {
  const refused = new Set(checked.errors.map((e) => e.row));
  return checked.rows.filter((r) => !refused.has(r.rowNumber));
}

/** Mode upsert: each valid row's outcome and its changes old → new, as the sheet shows the values. */
function rowOutcomes(checked: Checked) {
  const outcomes = new Map<
    number,
    {
      outcome: 'new' | 'changed' | 'unchanged';
      changes?: { key: string; header: string; before: string; after: string }[];
    }
  >();
  if (checked.mode !== 'upsert') return outcomes;
  const columnOf = new Map(checked.kind.columns.map((c) => [c.key, c]));
  const shown = (key: string, value: CellValue) => {
    const column = columnOf.get(key);
    return column ? String(toCell(column, value) ?? '') : String(value ?? '');
  };
  for (const row of withoutErrors(checked)) {
    if (!row.match) {
      outcomes.set(row.rowNumber, { outcome: 'new' });
      continue;
    }
    outcomes.set(row.rowNumber, {
      outcome: row.match.changes.length ? 'changed' : 'unchanged',
      changes: row.match.changes.map((c) => ({
        key: c.key,
        header: columnOf.get(c.key)?.header ?? c.key,
        before: shown(c.key, c.before),
        after: shown(c.key, c.after),
      })),
    });
  }
  return outcomes;
}

/**
 * The previewed file with its errors marked on their cells (checked again: the database may have changed since the
 * preview). Same access rule as the preview.
 */
export async function previewErrorsWorkbook(
  ctx: ServiceContext,
  input: { unitId: string; kind: string; fileId: string; mode?: ImportMode },
) {
  await requireSchool(ctx, importPermission(kindOf(input.kind)), input.unitId);
  const file = await readStoredFile(ctx, input.unitId, input.fileId);
  const checked = await checkFile(ctx, input.unitId, input.kind, input.mode ?? 'create', file);
  const content = await markErrors(checked.kind, file.content, checked.errors);
  if (!content) {
    throw new AppError('unreadable_file', 'Tệp không phải tệp Excel .xlsx nên không tô được ô lỗi.');
  }
  return { fileName: `${file.fileName.replace(/\.xlsx$/i, '')}-loi.xlsx`, content };
}

/**
 * Queues the commit of a previewed file as a job; the web app follows its progress at /jobs/:id. A file is committed
 * at most once: in the transaction that queues the job, the file is claimed for it (stored_files.committed_job_id,
 * migration 0070) by a conditional update, so of two commits at once exactly one finds the file free. The other
 * answers `already_done` with the first job. A failed job wrote nothing, so its file may be committed again.
 */
export async function startImport(ctx: ServiceContext, jobs: JobRunner, payload: ImportPayload) {
  await requireSchool(ctx, importPermission(kindOf(payload.kind)), payload.unitId);
  const jobId = await inTransaction(ctx, async (trx) => {
    const queued = await jobs.enqueue(trx, { unitId: payload.unitId, kind: IMPORT_JOB, payload });
    const claimed = await trx.db
      .updateTable('stored_files')
      .set({ committed_job_id: queued })
      .where('unit_id', '=', payload.unitId)
      .where('id', '=', payload.fileId)
      .where('purpose', '=', FILE_PURPOSE)
      .where(notCommitted)
      .executeTakeFirst();
    // Throwing rolls the queued job back with the transaction.
    if (Number(claimed.numUpdatedRows) === 0) throw await alreadyCommitted(trx, payload);
    return queued;
  });
  jobs.kick();
  return { jobId };
}

/** Why a file could not be claimed: unknown in this school, or taken by an earlier commit (its job and result). */
async function alreadyCommitted(trx: ServiceContext, payload: ImportPayload): Promise<AppError> {
  const first = await trx.db
    .selectFrom('stored_files as f')
    .innerJoin('jobs as j', 'j.id', 'f.committed_job_id')
    .select(['j.id', 'j.status', 'j.result', 'j.created_at'])
    .where('f.unit_id', '=', payload.unitId)
    .where('f.id', '=', payload.fileId)
    .where('f.purpose', '=', FILE_PURPOSE)
    .executeTakeFirst();
  if (!first) return notFound('tệp đã xem trước');
  const when = first.status === 'succeeded' ? 'đã được ghi' : 'đang được ghi';
  return new AppError(
    'already_done',
    `Tệp này ${when} (ngày ${vietnameseDate(todayInVietnam(first.created_at))}); mỗi tệp chỉ ghi một lần. Muốn nhập thêm, hãy tải lên tệp mới.`,
    undefined,
    { jobId: first.id, status: first.status, result: first.result },
  );
}

/** The job: loads the stored file of the unit and imports it. */
export async function runImportJob(ctx: ServiceContext, payload: unknown, progress: JobProgress) {
  const p = payload as ImportPayload;
  const file = await readStoredFile(ctx, p.unitId, p.fileId);
  return importFile(
    ctx,
    { unitId: p.unitId, kind: p.kind, mode: p.mode, fileName: file.fileName, content: file.content },
    progress,
  );
}

/**
 * Imports a whole file all-or-nothing: in ONE transaction it checks the file again (the database may have changed
 * since the preview) and writes every row through the owning feature's service, so each record gets its audit row.
 * Any error — found by the check or raised by a service — rolls everything back and lists the rows at fault.
 */
export async function importFile(
  ctx: ServiceContext,
  input: { unitId: string; kind: string; mode?: ImportMode; fileName: string; content: Buffer },
  progress?: JobProgress,
): Promise<ImportResult> {
  const mode = input.mode ?? 'create';
  const kind = kindOf(input.kind);
  await requireSchool(ctx, importPermission(kind), input.unitId);
  await progress?.report(0, 0, 'Đang kiểm tra tệp');
  // Read before the transaction: parsing the workbook needs no database, and on PGlite the transaction holds the
  // one connection every user shares.
  const sheet = await readWorkbook(kind, input);
  return inTransaction(ctx, async (trx) => {
    const checked = await checkFile(trx, input.unitId, input.kind, mode, input, sheet);
    if (checked.errors.length) throw rowsRefused(checked.errors);
    const total = checked.rows.length;
    await progress?.report(0, total, 'Đang ghi');
    if (checked.kind.commitRows) {
      await commitSetBased(checked, trx, progress);
    } else {
      await commitRowByRow(checked, trx, progress);
    }
    const { created, changed, unchanged } = countsOf(checked.rows);
    trx.log.info(
      { kind: input.kind, unitId: input.unitId, mode, created, updated: changed, unchanged },
      'import committed',
    );
    return { kind: input.kind, mode, created, updated: changed, unchanged };
  });
}

/** The kind's set-based write (ImportKind.commitRows); a refused row is reported on its Excel row. */
async function commitSetBased(checked: Checked, trx: ServiceContext, progress?: JobProgress) {
  const report: JobProgress = {
    report: async (done, total, message) => {
      await progress?.report(done, total, message);
      // Lets the progress poll (and, on PostgreSQL, other requests) be served between slices.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  try {
    await checked.kind.commitRows?.(trx, checked.unit, checked.rows, report);
  } catch (error) {
    if (error instanceof ImportRowRefused) {
      throw rowsRefused(rowErrorsOf(checked.kind, error.rowNumber, error.error));
    }
    if (error instanceof AppError) {
      throw rowsRefused(rowErrorsOf(checked.kind, null, error));
    }
    throw error;
  }
}

/** One service call per row (ImportKind.commitRow), a refused row reported on its Excel row. */
async function commitRowByRow(checked: Checked, trx: ServiceContext, progress?: JobProgress) {
  const total = checked.rows.length;
  for (const [index, row] of checked.rows.entries()) {
    try {
      await checked.kind.commitRow(trx, checked.unit, row.value);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw rowsRefused(rowErrorsOf(checked.kind, row.rowNumber, error));
    }
    await progress?.report(index + 1, total, 'Đang ghi');
    // The embedded database answers synchronously: without a pause the event loop would serve no request (the
    // progress poll) until the whole file is written.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
}

function rowsRefused(errors: RowError[]): AppError {
  return new AppError(
    'validation_failed',
    `Tệp có ${errors.length} lỗi; chưa ghi dòng nào. Sửa các lỗi rồi tải lên lại.`,
    undefined,
    { errors },
  );
}

/** A service's refusal of one row, on the columns its field errors name. */
function rowErrorsOf(kind: ImportKind, rowNumber: number | null, error: AppError): RowError[] {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) return [{ row: rowNumber, column: null, message: error.message }];
  return fields.map(([field, message]) => ({
    row: rowNumber,
    column: kind.columns.find((c) => c.key === field.split('.')[0])?.header ?? null,
    message,
  }));
}
