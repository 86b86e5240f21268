/**
 * The one error type services throw for expected failures, with a code saying what went wrong. Services, jobs and
 * the CLI import it from here; the HTTP layer (platform/http/error-handler.ts) maps each code to one status and
 * shapes the `{ error: { code, message, fields } }` body. `message` is Vietnamese and shown to the user, `fields`
 * names the offending inputs.
 */
export const ERROR_CODES = [
  /** Input failed validation (zod or a domain rule); `fields` says which. */
  'validation_failed',
  /** No valid session. */
  'unauthenticated',
  /** Logged in, but the role or unit scope does not allow this action. */
  'forbidden',
  /** The entity does not exist, or exists outside the caller's scope (never reveal which). */
  'not_found',
  /** A uniqueness or state conflict (duplicate code, enrolment already exists, term locked). */
  'conflict',
  /** The operation was already done; the response carries the original result. */
  'already_done',
  /** Too many attempts (login rate limit or account lock-out). */
  'too_many_requests',
  /** The account has a temporary password: only change-password, logout and GET /auth/me are allowed. */
  'password_change_required',
  /** Missing or wrong CSRF token on a state-changing request. */
  'csrf_failed',
  /** A file could not be read (not .xlsx, damaged). */
  'unreadable_file',
  /**
   * An upload passes a size limit: bytes, inflated size, rows of an import, memory or time its parsing needs
   * (platform/files/upload-limits.ts). The message names the limit and the file.
   */
  'file_too_large',
  /** An upload whose content (sniffed, not its declared type) is not on the allow-list; the message names it. */
  'unsupported_file_type',
  /**
   * The embedded database is restarting after its worker thread ended (pglite-worker-client.ts): nothing of the
   * request was written; trying again in a few seconds succeeds.
   */
  'unavailable',
  /** Anything unexpected; details stay in the server log. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
}

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('forbidden', message);
