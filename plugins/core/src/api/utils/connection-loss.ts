// PostgreSQL's "admin shutdown / crash shutdown / cannot connect now" and the connection
// exception class, and the socket errors of a dropped connection.
const CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "ECONNRESET", "ECONNREFUSED", "EPIPE"])
// The same, as they read once a workflow has serialised the error (codes are gone then), and
// knex's "Transaction query already complete": the next statement of a transaction whose
// connection died (seen when backends are terminated mid-request; otherwise a programming error).
const MESSAGES =
  /terminating connection due to|Connection terminated|Connection ended unexpectedly|Client has encountered a connection error|not queryable|ECONNRESET|ECONNREFUSED|Timeout acquiring a connection|Transaction query already complete|the database system is (starting up|shutting down|in recovery mode)/i

/** Whether `error` (or what it wraps) is the database connection going away, not the request's fault. */
export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false
  const e = error as Record<string, any>
  if (CODES.has(String(e.code ?? ""))) return true
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true
  return [e.cause, e.previous, e.originalError, e.error].some((inner) => inner !== error && isConnectionLoss(inner, depth + 1))
}
