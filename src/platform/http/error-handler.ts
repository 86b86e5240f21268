import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { invalidFieldMessage } from '#contracts/field-labels.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/constraint-errors.ts';
import { AppError, type ErrorCode, type FieldErrors } from '../errors.ts';

/** The HTTP status of each error code services throw (codes and when they fire: platform/errors.ts). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_done: 409,
  too_many_requests: 429,
  password_change_required: 403,
  csrf_failed: 403,
  unreadable_file: 400,
  file_too_large: 413,
  unsupported_file_type: 415,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors; details?: unknown };
}

/** Maps every failure to `{ error: { code, message, fields } }` with a Vietnamese message; never a stack trace. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const body = toErrorBody(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.payload.error.code }, 'request refused');
  return reply.status(body.status).send(body.payload);
}

function toErrorBody(error: FastifyError | Error): { status: number; payload: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: ERROR_STATUS[error.code],
      payload: {
        error: { code: error.code, message: error.message, fields: error.fields, details: error.details },
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldErrors = {};
    for (const issue of error.validation) {
      const zodPath = (issue.params as { issue?: { path?: PropertyKey[] } }).issue?.path ?? [];
      const path =
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || zodPath.map(String).join('.');
      fields[path || '_'] ??= issue.message ?? 'Giá trị không hợp lệ.';
    }
    const first = Object.entries(fields)[0];
    const message = first ? invalidFieldMessage(first[0], first[1]) : 'Dữ liệu không hợp lệ.';
    return { status: 400, payload: { error: { code: 'validation_failed', message, fields } } };
  }
  if (isResponseSerializationError(error)) return internal();
  if (isUniqueViolation(error)) {
    return {
      status: 409,
      payload: { error: { code: 'conflict', message: 'Dữ liệu bị trùng với bản ghi đã có.' } },
    };
  }
  if (isForeignKeyViolation(error)) {
    return {
      status: 409,
      payload: {
        error: {
          code: 'conflict',
          message: 'Dữ liệu đang được bản ghi khác sử dụng hoặc tham chiếu không tồn tại.',
        },
      },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 429) {
    return {
      status: 429,
      payload: {
        error: { code: 'too_many_requests', message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' },
      },
    };
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      payload: { error: { code: 'bad_request', message: 'Yêu cầu không hợp lệ.' } },
    };
  }
  return internal();
}

const internal = () => ({
  status: 500,
  payload: {
    error: { code: 'internal', message: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị.' },
  },
});
