// A write that lost a race to another (the same unique key written first) is told apart from a
// failure by PostgreSQL's code 23505, which the drivers pass on inside their own errors.

/** Whether a statement failed on a unique index (PostgreSQL's 23505), however the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
