/** PostgreSQL error codes we translate into user-facing conflicts. */
interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** A unique constraint (optionally this one) refused the write: SQLSTATE 23505. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgError;
  return (
    e?.code === '23505' &&
    (constraint === undefined || e.constraint === constraint || hasConstraint(e, constraint))
  );
}

/** A foreign key refused the write (the row is referenced, or the reference does not exist): SQLSTATE 23503. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PgError)?.code === '23503';
}

// PGlite does not always fill `constraint`; its message names it.
function hasConstraint(e: PgError, constraint: string): boolean {
  return String((e as { message?: string }).message ?? '').includes(constraint);
}
