import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { cleanInput, type InputIssue } from '#contracts/common.ts';
import { invalidFieldMessage } from '#contracts/field-labels.ts';
import { AppError, type FieldErrors } from '../errors.ts';

/**
 * The validator of every route's body, query string and params: the text hygiene rule (`cleanInput`,
 * contracts/common.ts: NFC, no control characters or lone surrogates) runs on every string before the route's zod
 * schema, so routes added later are covered without declaring anything. A refused text answers 400
 * `validation_failed` naming the field, together with the schema's own issues.
 */
export const validateRequest: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart === 'headers') return validate;
  return (data) => {
    const cleaned = cleanInput(data);
    const result = validate(cleaned.value);
    if (cleaned.issues.length === 0) return result;
    const fields: FieldErrors = {};
    // The zod compiler answers synchronously with { value } or { error: issues }.
    const schemaIssues = (result as { error?: unknown }).error;
    if (Array.isArray(schemaIssues)) {
      for (const issue of schemaIssues as { instancePath: string; message?: string }[]) {
        fields[issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_'] ??=
          issue.message ?? 'Giá trị không hợp lệ.';
      }
    }
    for (const issue of cleaned.issues) fields[pathKey(issue)] ??= issue.message;
    const [path, message] = Object.entries(fields)[0] ?? ['_', 'Dữ liệu không hợp lệ.'];
    return {
      error: new AppError('validation_failed', invalidFieldMessage(path, message), fields),
    };
  };
};

const pathKey = (issue: InputIssue) => issue.path.map(String).join('.') || '_';
