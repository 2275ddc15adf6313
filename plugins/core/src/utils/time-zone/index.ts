/**
 * Calendar arithmetic in the store's time zone, shared by every plugin whose rule
 * counts local days or months (membership check-ins, rebates' months). Dates are
 * `YYYY-MM-DD` strings; instants are Dates.
 */

/** The local calendar date of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)!.value
  return `${get("year")}-${get("month")}-${get("day")}`
}

/** Offset of `timeZone` from UTC at `at`, in minutes (e.g. +480 for Asia/Shanghai). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at)
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value)
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"))
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/** The instant local midnight starts `date` in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`)
  const first = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000)
  // a DST change between the guess and the answer: correct with the offset at the answer
  return new Date(guess.getTime() - offsetMinutes(first, timeZone) * 60_000)
}
