/**
 * Calendar arithmetic in the store time zone (SPEC §6.3: one check-in per
 * local day). Dates are `YYYY-MM-DD` strings; instants are Dates.
 */

/** The local calendar date of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)!.value
  return `${get("year")}-${get("month")}-${get("day")}`
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Every date of a `YYYY-MM` month. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split("-").map(Number)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`)
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
  return new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000)
}

/**
 * When points earned at `at` expire (SPEC §6.1): rolling N months later, at the
 * end of the local calendar year, or never (null).
 */
export function pointsExpiry(
  at: Date,
  settings: { points_expiry_mode: string; points_expiry_months: number; time_zone: string }
): Date | null {
  if (settings.points_expiry_mode === "never") return null
  if (settings.points_expiry_mode === "end_of_year") {
    const year = Number(localDate(at, settings.time_zone).slice(0, 4))
    return startOfLocalDay(`${year + 1}-01-01`, settings.time_zone)
  }
  const d = new Date(at)
  d.setUTCMonth(d.getUTCMonth() + Number(settings.points_expiry_months))
  return d
}

/** The `YYYY-MM` after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`
}

/** Every `YYYY-MM` from `from` to `to`, both inclusive (empty if from > to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to && out.length < 1200; m = nextMonth(m)) out.push(m)
  return out
}
