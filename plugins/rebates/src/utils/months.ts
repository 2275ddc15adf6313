/**
 * Months in the store's time zone (SPEC §3: "the store's time zone decides the
 * month"). Months are `YYYY-MM` strings; instants are Dates.
 */

import { localDate, offsetMinutes, startOfLocalDay } from "@fission/core/utils"

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export const isMonth = (value: unknown): value is string => typeof value === "string" && MONTH.test(value)

export { localDate, offsetMinutes, startOfLocalDay }

/** The local month of `at`. */
export const localMonth = (at: Date, timeZone: string): string => localDate(at, timeZone).slice(0, 7)

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
