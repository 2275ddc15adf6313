/**
 * Months in the store's time zone (SPEC §3: "the store's time zone decides the
 * month"). Months are `YYYY-MM` strings; instants are Dates.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export const isMonth = (value: unknown): value is string => typeof value === "string" && MONTH.test(value)

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

/** The local `YYYY-MM-DD` of `at`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)!.value
  return `${get("year")}-${get("month")}-${get("day")}`
}

/** The local month of `at`. */
export const localMonth = (at: Date, timeZone: string): string => localDate(at, timeZone).slice(0, 7)

/** The instant local midnight starts `date` (`YYYY-MM-DD`). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`)
  const first = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000)
  // a DST change between the guess and the answer: correct with the offset at the answer
  return new Date(guess.getTime() - offsetMinutes(first, timeZone) * 60_000)
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`
}

export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`
}

/** `[from, to)` of a local month as UTC instants. */
export function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDay(`${month}-01`, timeZone), to: startOfLocalDay(`${nextMonth(month)}-01`, timeZone) }
}

export const daysInMonth = (month: string): number => {
  const [y, m] = month.split("-").map(Number)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/**
 * The local day a month is closed (SPEC §3.3): the configured day, or the
 * month's last day when the month is shorter (30 → 28 February).
 */
export const closeDayOf = (month: string, configuredDay: number): number => Math.min(configuredDay, daysInMonth(month))

/** True when `at` falls on the close day of its local month. */
export function isCloseDay(at: Date, timeZone: string, configuredDay: number): boolean {
  const date = localDate(at, timeZone)
  return Number(date.slice(8, 10)) === closeDayOf(date.slice(0, 7), configuredDay)
}
