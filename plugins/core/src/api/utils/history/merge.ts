import { compareNewestFirst, encodeHistoryCursor, HistoryKey } from "./cursor"

/** One source's newest lines after the cursor: at most `limit`, and whether more follow. */
export type HistoryPart<T extends HistoryKey> = { lines: T[]; more: boolean }

/**
 * Merges the sources' pages into one page of `limit`, newest first. Each part
 * holds its own first `limit` lines after the cursor, so the merged first
 * `limit` are among them; more follow if any part said so or lines are left over.
 */
export function mergeHistory<T extends HistoryKey>(parts: HistoryPart<T>[], limit: number) {
  const all = parts.flatMap((p) => p.lines).sort(compareNewestFirst)
  const page = all.slice(0, limit)
  const more = all.length > limit || parts.some((p) => p.more)
  const last = page[page.length - 1]
  return { lines: page, next_cursor: more && last ? encodeHistoryCursor(last) : null }
}
