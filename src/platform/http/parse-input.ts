import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors.ts';

/**
 * Validates a service input with its zod schema, so callers other than the HTTP routes (the Excel import) get the
 * same rules and the same Vietnamese field errors.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  const [first] = Object.values(fields);
  throw new AppError('validation_failed', first ?? 'Dữ liệu không hợp lệ.', fields);
}
