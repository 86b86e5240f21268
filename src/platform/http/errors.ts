/**
 * The one error type services throw for expected failures. Each code maps to one HTTP status;
 * `message` is Vietnamese and shown to the user, `fields` names the offending inputs.
 */
export const ERROR_STATUS = {
  /** Input failed validation (zod or a domain rule); `fields` says which. */
  validation_failed: 400,
  /** No valid session. */
  unauthenticated: 401,
  /** Logged in, but the role or unit scope does not allow this action. */
  forbidden: 403,
  /** The entity does not exist, or exists outside the caller's scope (never reveal which). */
  not_found: 404,
  /** A uniqueness or state conflict (duplicate code, enrolment already exists, term locked). */
  conflict: 409,
  /** The operation was already done; the response carries the original result. */
  already_done: 409,
  /** Too many attempts (login rate limit or account lock-out). */
  too_many_requests: 429,
  /** The account has a temporary password: only change-password, logout and GET /auth/me are allowed. */
  password_change_required: 403,
  /** Missing or wrong CSRF token on a state-changing request. */
  csrf_failed: 403,
  /** A file could not be read (not .xlsx, damaged). */
  unreadable_file: 400,
  /** Anything unexpected; details stay in the server log. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field path → Vietnamese message. Row errors of imports use keys like "rows.12.birth_date". */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('forbidden', message);

/** PostgreSQL error codes we translate into user-facing conflicts. */
interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgError;
  return (
    e?.code === '23505' &&
    (constraint === undefined || e.constraint === constraint || hasConstraint(e, constraint))
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PgError)?.code === '23503';
}

// PGlite does not always fill `constraint`; its message names it.
function hasConstraint(e: PgError, constraint: string): boolean {
  return String((e as { message?: string }).message ?? '').includes(constraint);
}
