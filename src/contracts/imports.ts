import { z } from 'zod';

/**
 * `create`: every row is a new record (a row matching an existing one is a duplicate error). `upsert` ("Thêm mới và
 * cập nhật", kinds with `updates`): a row matching an existing record updates it, the others are created.
 */
export const IMPORT_MODES = ['create', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
const importMode = z.enum(IMPORT_MODES, 'Chọn cách nhập: chỉ thêm mới, hoặc thêm mới và cập nhật.');

export const kindParams = z.object({ kind: z.string().min(1).max(40) });
export const unitQuery = z.object({ unitId: z.uuid('Chọn trường.') });
export const previewQuery = unitQuery.extend({
  kind: z.string().min(1).max(40),
  mode: importMode.optional(),
});

export const commitBody = z.object({
  unitId: z.uuid('Chọn trường.'),
  kind: z.string().min(1).max(40),
  /** The file kept by a preview without errors. */
  fileId: z.uuid('Hãy xem trước tệp trước khi ghi.'),
  mode: importMode.optional(),
});

export const importKindSchema = z.object({
  kind: z.string(),
  label: z.string(),
  /** Permission on the school needed to import this kind (the wizard offers only the caller's). */
  permission: z.string(),
  /** Whether the kind can update the records a row matches (mode `upsert`). */
  updates: z.boolean(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean() })),
});

/** One problem of a file: Excel row (1 = headers, null = whole file), column header, Vietnamese message. */
export const rowErrorSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

/** What the commit does with a row in mode `upsert`. */
export const ROW_OUTCOMES = ['new', 'changed', 'unchanged'] as const;

/** One field a row changes on the record it matches, as the sheet shows it (old → new). */
export const fieldChangeSchema = z.object({
  key: z.string(),
  header: z.string(),
  before: z.string(),
  after: z.string(),
});

export const previewSchema = z.object({
  kind: z.string(),
  mode: z.enum(IMPORT_MODES),
  unitId: z.uuid(),
  /**
   * The uploaded file as kept for a day (with or without errors): `/imports/previews/:previewId/errors.xlsx` is the
   * same workbook with its errors marked on the cells.
   */
  previewId: z.uuid(),
  /** The file to commit: null when the file has errors, since only a clean file can be committed. */
  fileId: z.uuid().nullable(),
  fileName: z.string(),
  /** Data rows in the file. */
  total: z.number().int(),
  valid: z.boolean(),
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  /** Rows of a valid file by what the commit will do: all `created` in mode `create`. */
  counts: z.object({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  /** The rows as read (first few thousand), values as shown in the sheet. */
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      values: z.record(z.string(), z.string()),
      /** Mode `upsert`, rows without errors: new, changed (with its changes) or unchanged. */
      outcome: z.enum(ROW_OUTCOMES).optional(),
      changes: z.array(fieldChangeSchema).optional(),
    }),
  ),
  errors: z.array(rowErrorSchema),
});

export const previewParams = z.object({ fileId: z.uuid() });

export const commitResponse = z.object({ jobId: z.uuid() });

/** The 409 `already_done` of a file committed before: its job, to follow or to show the result of. */
export const alreadyCommittedDetails = z.object({
  jobId: z.uuid(),
  status: z.string(),
  result: z.unknown(),
});
