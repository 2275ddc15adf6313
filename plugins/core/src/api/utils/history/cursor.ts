/**
 * The wallet history's cursor: the sort key of the last line of a page, opaque to
 * clients. Lines of the ledger and of the loyalty plugin's store credit are merged
 * newest first by (created_at to the millisecond, id), so one key pages both.
 */
export type HistoryKey = { created_at: Date; id: string }

const ID = /^(lpst|sc_trx)_[0-9A-Za-z]{1,64}$/
const MAX_MS = 8.64e15 // the largest JS Date

export const encodeHistoryCursor = (key: HistoryKey) =>
  Buffer.from(`${key.created_at.getTime()}|${key.id}`, "utf8").toString("base64url")

/** The key of a cursor from `encodeHistoryCursor`, or null for anything else. */
export function decodeHistoryCursor(cursor: string): HistoryKey | null {
  if (typeof cursor !== "string" || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null
  const [ms, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|")
  if (rest.length || !/^\d{1,16}$/.test(ms ?? "") || Number(ms) > MAX_MS || !ID.test(id ?? "")) return null
  return { created_at: new Date(Number(ms)), id }
}

/** Newest first: a later millisecond first, then the larger id (compared bytewise, as Postgres' "C" collation). */
export function compareNewestFirst(a: HistoryKey, b: HistoryKey) {
  const byTime = b.created_at.getTime() - a.created_at.getTime()
  if (byTime !== 0) return byTime
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1
}
