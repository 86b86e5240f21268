import type { z } from 'zod';
import { safeParseInput } from '#contracts/common.ts';
import { AppError, type FieldErrors } from '../errors.ts';

/**
 * Validates a service input with its zod schema under the text hygiene rule (contracts/common.ts), so callers other
 * than the HTTP routes (the Excel import, the CLI) get the same rules and the same Vietnamese field errors.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = safeParseInput(schema, input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  const [first] = Object.values(fields);
  throw new AppError('validation_failed', first ?? 'Dữ liệu không hợp lệ.', fields);
}
