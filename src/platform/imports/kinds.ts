import type { ImportMode } from '#contracts/imports.ts';
import type { Permission } from '#contracts/roles.ts';
import type { SchoolUnit } from '../authz/access.ts';
import type { ServiceContext } from '../context.ts';
import type { AppError } from '../errors.ts';
import type { JobProgress } from '../jobs/runner.ts';

/** How a cell is read and written. Dates are DD/MM/YYYY text in the sheet and 'YYYY-MM-DD' in the record. */
export type ColumnType = 'text' | 'date' | 'enum' | 'boolean' | 'integer';

export interface ColumnOption {
  /** Stored code, e.g. 'female'. */
  value: string;
  /** What the sheet shows and the drop-down offers, e.g. 'Nữ'. */
  label: string;
}

export interface ImportColumn {
  /** Field of the record handed to the kind (usually the service input's field name). */
  key: string;
  /** Vietnamese header, exactly as in the template's first row. */
  header: string;
  type: ColumnType;
  required?: boolean;
  /** The values of an enumeration: offered as a drop-down list, matched without diacritics or case. */
  options?: readonly ColumnOption[];
  /** Extra spellings accepted for an enumeration (e.g. ethnic groups' other names); returns the code. */
  match?: (text: string) => string | undefined;
  /** One line for the instructions sheet. */
  note?: string;
  width?: number;
  /** Written by the export for reading only (counts); the importer ignores it. */
  exportOnly?: boolean;
  /** Sensitive personal data: exported only to those allowed to see it. */
  sensitive?: boolean;
}

/** A cell value as the kind receives it: text, ISO date, enumeration code, boolean, integer, or null if empty. */
export type CellValue = string | number | boolean | null;

/** One data row of the sheet: its Excel row number and its values by column key. */
export interface SheetRecord {
  rowNumber: number;
  values: Record<string, CellValue>;
  /** Columns whose cell could not be read (already reported), so later checks do not report them twice. */
  unreadable: ReadonlySet<string>;
}

/** One problem of an imported file. `row` is the Excel row number (1 = headers); null for the whole file. */
export interface RowError {
  row: number | null;
  /** Header of the column at fault; null when the error concerns the whole row or file. */
  column: string | null;
  message: string;
}

/** One field of an existing record a row changes, in the forms the importer reads (ISO dates, codes). */
export interface FieldChange {
  /** Column key. */
  key: string;
  before: CellValue;
  after: CellValue;
}

/** The existing record a row matched (mode `upsert`): its id and what the row changes (none: unchanged). */
export interface RowMatch {
  id: string;
  changes: FieldChange[];
}

export interface ValidatedRow<T> {
  rowNumber: number;
  value: T;
  /** Mode `upsert`: the existing record this row updates; absent for a new record. */
  match?: RowMatch;
}

export interface Validation<T> {
  rows: ValidatedRow<T>[];
  errors: RowError[];
}

/** The school (or unit) the file is imported into, as the access check returned it. */
export type ImportUnit = SchoolUnit;

/** Rows of the current list, by column key, in the same forms the importer reads. */
export interface ExportedList {
  records: Record<string, CellValue>[];
  /** Column keys left out for this user (sensitive data they may not see). */
  omit?: readonly string[];
}

/**
 * One kind of Excel import/export (staff, students, classes…). The feature that owns the data writes one of these in
 * its own folder and lists it in its manifest (`importKinds`): the template, preview, commit job, export and CLI of
 * the imports feature come with it. Defined in the platform, like jobs and metrics, so that the manifest can name it
 * and an owning feature and the imports feature both use it without importing each other.
 */
export interface ImportKind<T = unknown> {
  kind: string;
  /** Vietnamese name of the list, e.g. 'Học sinh'. */
  label: string;
  /** Name of the data sheet. */
  sheetName: string;
  /**
   * Data rows one file may hold (issue "Hardening" §1): a larger file is refused before its rows are validated,
   * with a message naming this limit, and the reader stops at the first row past it.
   */
  maxRows: number;
  /** File name stem of templates and exports (ASCII), e.g. 'hoc-sinh'. */
  fileStem: string;
  columns: readonly ImportColumn[];
  /**
   * Permission needed on the school to preview and commit a file (default `imports.run`, the school records). A
   * kind owned by another duty names its own, e.g. teaching assignments need `gradebook.manage`.
   */
  permission?: Permission;
  /** Extra lines for the instructions sheet. */
  instructions: readonly string[];
  /**
   * The kind takes mode `upsert` ("Thêm mới và cập nhật"): validate then matches each row to an existing record
   * (`ValidatedRow.match`, with the fields it changes) and commitRows updates the matched records and creates the
   * others. Without it only mode `create` is offered.
   */
  updates?: boolean;
  /**
   * Turns sheet records into service inputs and reports every problem: field rules (the feature's own schema),
   * references by name (class, department, teacher), duplicates inside the file and in the database. In mode
   * `upsert` a row may match an existing record instead of duplicating it; a row matching two is an error.
   */
  validate(
    ctx: ServiceContext,
    unit: ImportUnit,
    records: readonly SheetRecord[],
    mode: ImportMode,
  ): Promise<Validation<T>>;
  /** Writes one row through the owning feature's service, inside the import's transaction (audited there). */
  commitRow(ctx: ServiceContext, unit: ImportUnit, row: T): Promise<void>;
  /**
   * Writes all the rows set-based (one statement per table and per thousand rows) inside the import's transaction,
   * with the same records and audit rows as commitRow for each row; used instead of commitRow when present, so a
   * large file holds the database for a fraction of the time (issue "Hardening" §3). Reports progress as it goes; a
   * refused row is thrown as ImportRowRefused. In mode `upsert` the rows with a `match` update that record (one
   * audit row per changed record; unchanged records are not written) and the others are created.
   */
  commitRows?(
    ctx: ServiceContext,
    unit: ImportUnit,
    rows: readonly ValidatedRow<T>[],
    progress: JobProgress,
  ): Promise<void>;
  /** The current list of the unit, checked and logged by the owning feature's service. */
  exportList(ctx: ServiceContext, unitId: string): Promise<ExportedList>;
}

/**
 * A set-based service's refusal of one of its inputs (addStudents, addStaff, addClasses): its position in the list
 * and the error the per-row service would have thrown. writeInSlices turns it into ImportRowRefused.
 */
export class InputRefused extends Error {
  constructor(
    readonly index: number,
    readonly error: AppError,
  ) {
    super(error.message);
    this.name = 'InputRefused';
  }
}

/** A service's refusal of one row during commitRows: reported on that Excel row like an error of commitRow. */
export class ImportRowRefused extends Error {
  constructor(
    readonly rowNumber: number,
    readonly error: AppError,
  ) {
    super(error.message);
    this.name = 'ImportRowRefused';
  }
}

const registry = new Map<string, ImportKind>();

/**
 * Adds a kind; the feature manifests' kinds are registered when the app is composed (registerFeatures). Registering
 * the same kind again is a no-op (tests build the app several times in one process); another kind of the same name
 * is a mistake.
 */
export function registerImportKind<T>(kind: ImportKind<T>): void {
  const known = registry.get(kind.kind);
  if (known === kind) return;
  if (known) throw new Error(`Import kind ${kind.kind} registered twice`);
  registry.set(kind.kind, kind as ImportKind);
}

export function findImportKind(kind: string): ImportKind | undefined {
  return registry.get(kind);
}

export function importKinds(): ImportKind[] {
  return [...registry.values()];
}

/** The permission a kind's import needs. */
export const importPermission = (kind: Pick<ImportKind, 'permission'>): Permission =>
  kind.permission ?? 'imports.run';

/** Columns the importer reads (all but the export-only ones). */
export const importedColumns = (kind: Pick<ImportKind, 'columns'>) =>
  kind.columns.filter((c) => !c.exportOnly);
