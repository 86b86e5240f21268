import { z } from 'zod';

export const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A page of a list: items plus the total, so the UI can show "1–50 / 612". */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const isoDate = z.iso.date('Ngày có dạng YYYY-MM-DD.');
export const noContent = z.null();

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 2xx response of a download, as OpenAPI describes it: bytes of the given media type. It only documents the
 * reply: the route still sends the Buffer, which Fastify passes through without serialising it.
 */
export function binaryResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

export const pdfFileResponse = binaryResponse(PDF_MIME, 'Tệp PDF');
export const xlsxFileResponse = binaryResponse(XLSX_MIME, 'Tệp Excel (.xlsx)');

/*
 * Input text hygiene — the one rule for every text a request, an import cell, an upload or the CLI brings in:
 * - stored and compared in NFC: the same letter typed precomposed (most keyboards) or decomposed (macOS file names,
 *   some Excel exports) is one string, so uniqueness checks and searches see one name;
 * - no control characters: C0 (U+0000–U+001F) except tab, line feed and carriage return, DEL, and C1
 *   (U+0080–U+009F). PostgreSQL refuses U+0000 in text (a 500 before this rule) and the others are invisible garbage
 *   from copy-paste. Single-line fields (`line()`) refuse tab and line breaks too; `multiline()` keeps them;
 * - no lone surrogates (invalid UTF-16, e.g. a JSON "\ud800"): the database driver would store them as U+FFFD.
 * `safeParseInput` applies the NFC and control-character part to every string of an input before its zod schema
 * runs, so a field declared with a plain `z.string()` is covered too; the builders add the field's label to the
 * message and the single-line check.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
/** With the `u` flag a well-formed surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export type TextProblem = 'control_character' | 'lone_surrogate';

/** What is wrong with a text under the hygiene rule, or null when it may be stored. */
export function textProblem(value: string, options: { multiline?: boolean } = {}): TextProblem | null {
  if (CONTROL_CHARACTER.test(value)) return 'control_character';
  if (!options.multiline && LINE_BREAK_OR_TAB.test(value)) return 'control_character';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  return null;
}

/** The Vietnamese message for a problem; `name` is the field's label, a column header or `Trường "path"`. */
export function textProblemMessage(problem: TextProblem, name: string): string {
  return problem === 'control_character'
    ? `${name} chứa ký tự điều khiển không hợp lệ.`
    : `${name} chứa ký tự không hợp lệ (lỗi mã Unicode); hãy gõ lại.`;
}

/** The rule as a zod refinement naming the field by its label, for schemas that are not built with `line()`. */
export function refuseBadText(label: string, options: { multiline?: boolean } = {}) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = textProblem(value, options);
    if (problem)
      context.addIssue({ code: 'custom', message: textProblemMessage(problem, label), input: value });
  };
}

function textBuilder(label: string, multiline: boolean) {
  return z
    .string(`Nhập ${label.toLowerCase()}.`)
    .trim()
    .normalize('NFC')
    .superRefine(refuseBadText(label, { multiline }));
}

/** A single-line text (names, titles, addresses, search terms): trimmed, NFC, no control characters or line breaks. */
export const line = (label: string) => textBuilder(label, false);

/** A text that may hold line breaks and tabs (comments, note bodies): trimmed, NFC, no other control characters. */
export const multiline = (label: string) => textBuilder(label, true);

/** A search box: a single line of at most 100 characters, absent when empty. */
export const searchTerm = line('Từ khoá tìm kiếm').max(100, 'Từ khoá tìm kiếm tối đa 100 ký tự.').optional();

export interface InputIssue {
  path: PropertyKey[];
  message: string;
  /** Set when the hygiene floor (not the schema) refused the text, so a caller can name the field its own way. */
  problem?: TextProblem;
}

/** Passwords are opaque secrets hashed as typed: normalising them would change what existing hashes were made of. */
const OPAQUE_KEY = /password/i;

/**
 * Applies the hygiene floor to every string of an input (nested objects and arrays included): NFC-normalises it
 * and reports control characters and lone surrogates with the field's path. Line breaks are allowed here; a
 * single-line field refuses them through `line()`.
 */
export function cleanInput(input: unknown): { value: unknown; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      const problem = textProblem(value, { multiline: true });
      if (problem) issues.push({ path, problem, message: textProblemMessage(problem, fieldName(path)) });
      return OPAQUE_KEY.test(String(path.at(-1) ?? '')) ? value : value.normalize('NFC');
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]),
      );
    }
    return value;
  };
  return { value: walk(input, []), issues };
}

const fieldName = (path: PropertyKey[]) =>
  path.length ? `Trường "${path.map(String).join('.')}"` : 'Giá trị';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export type ParsedInput<T> = { success: true; data: T } | { success: false; issues: InputIssue[] };

/**
 * Parses an input with its schema under the hygiene rule: `cleanInput` first, then the schema. Issues of both come
 * back, the schema's first for a path (its message carries the field's label). Every entry point uses it: HTTP
 * requests (platform/http/validation.ts), service inputs (parseInput), Excel rows (parseRecords) and the CLI.
 */
export function safeParseInput<T extends z.ZodType>(schema: T, input: unknown): ParsedInput<z.output<T>> {
  const cleaned = cleanInput(input);
  const result = schema.safeParse(cleaned.value);
  if (result.success && cleaned.issues.length === 0) return { success: true, data: result.data };
  const issues: InputIssue[] = result.success
    ? []
    : result.error.issues.map(({ path, message }) => ({ path, message }));
  const seen = new Set(issues.map((issue) => issue.path.map(String).join('.')));
  for (const issue of cleaned.issues) if (!seen.has(issue.path.map(String).join('.'))) issues.push(issue);
  return { success: false, issues };
}
