/**
 * Calendar arithmetic in the store time zone (SPEC §6.3: one check-in per
 * local day). Dates are `YYYY-MM-DD` strings; instants are Dates.
 */

import { localDate, offsetMinutes, startOfLocalDay } from "@fission/core/utils"

export { localDate, offsetMinutes, startOfLocalDay }

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
