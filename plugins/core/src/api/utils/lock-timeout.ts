// Medusa's lock providers refuse a wait that ran out with "Timed-out acquiring lock." (a plain
// Error from the in-memory and PostgreSQL providers, so Medusa answers 500; a `conflict` from the
// Redis one, which Medusa answers 409 with a generic Idempotency-Key hint), and a lock that could
// not be taken with "Failed to acquire lock for key …". Also as they read once a workflow has
// serialised the error.
const MESSAGES = /Timed-out acquiring lock|Failed to acquire lock for key/i

/** Whether `error` (or what it wraps) is a lock wait that ran out: another request held the resource. */
export function isLockTimeout(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false
  const e = error as Record<string, any>
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true
  return [e.cause, e.previous, e.originalError, e.error].some((inner) => inner !== error && isLockTimeout(inner, depth + 1))
}
