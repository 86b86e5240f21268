import type { z } from 'zod';
import { type CatalogueIssue, crossCheckCatalogue } from './cross-checks.ts';
import {
  describeLocation,
  fieldLabel,
  formatNumber,
  type IssuePath,
  leafField,
  quote,
  typeLabel,
  valueAt,
} from './messages.ts';
import { type Catalogue, type CatalogueInput, catalogueSchema } from './schema.ts';

export type { CatalogueIssue } from './cross-checks.ts';

export type CatalogueValidation =
  | { ok: true; catalogue: Catalogue; warnings: CatalogueIssue[] }
  | { ok: false; errors: CatalogueIssue[]; warnings: CatalogueIssue[] };

function bound(value: number | bigint): string {
  return formatNumber(Number(value));
}

/** The Vietnamese sentence for one schema issue, naming the field ("thiếu tên", "loại tiêu chí «x» …"). */
function describeSchemaIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const field = fieldLabel(leafField(path));
  const received = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return `thiếu ${field}`;
      return `${field} phải là ${typeLabel(issue.expected)}, nhận được ${quote(received)}`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.join(', ') : '';
      if (options) return `${field} ${quote(received)} không hợp lệ; chỉ chấp nhận: ${options}`;
      return `${field} không hợp lệ`;
    }
    case 'invalid_value':
      return `${field} ${quote(received)} không hợp lệ; chỉ chấp nhận: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} không được để trống`;
      if (issue.origin === 'array') return `${field} phải có ít nhất ${bound(issue.minimum)} phần tử`;
      if (issue.inclusive === false && Number(issue.minimum) === 0) return `${field} phải lớn hơn 0`;
      return `${field} phải ${issue.inclusive === false ? 'lớn hơn' : 'từ'} ${bound(issue.minimum)} trở lên`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} quá dài (tối đa ${bound(issue.maximum)} ký tự)`;
      if (issue.origin === 'array') return `${field} có quá nhiều phần tử (tối đa ${bound(issue.maximum)})`;
      return `${field} không được vượt quá ${bound(issue.maximum)}`;
    default:
      return `${field} không hợp lệ`;
  }
}

function schemaIssues(error: z.ZodError, input: unknown): CatalogueIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const where = describeLocation(input, path as IssuePath);
    return { path, severity: 'error', message: `${where}: ${describeSchemaIssue(issue, input)}` };
  });
}

/**
 * Validates an imported catalogue (parsed JSON or the output of `catalogueFromRows`). Shape problems are reported
 * first; cross-checks (unique ids, sums, band order) run only on a well-shaped catalogue. Returns the catalogue
 * with defaults filled in, or every error with its path and a Vietnamese message.
 */
export function validateCatalogue(input: unknown): CatalogueValidation {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: schemaIssues(parsed.error, input), warnings: [] };
  const issues = crossCheckCatalogue(parsed.data);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, catalogue: parsed.data, warnings };
}

/**
 * A catalogue the platform ships (or seeds) must pass the same validation as an imported one: a national
 * catalogue whose groups do not add up is refused at start-up, not discovered on a printed report.
 */
export function publishableCatalogue(input: CatalogueInput): Catalogue {
  const validation = validateCatalogue(input);
  if (validation.ok) return validation.catalogue;
  const lines = validation.errors.map((issue) => `- ${issue.message}`).join('\n');
  throw new Error(`Catalogue ${input.code} ${input.version} cannot be published:\n${lines}`);
}
