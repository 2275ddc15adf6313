import { addDays } from "./dates"

/**
 * Streaks after a make-up check-in on `date` (SPEC §6.3): the made-up day
 * continues the streak of the day before it (`streak`), and every later day that
 * follows without a gap continues from there. Days after the next gap keep their
 * streak. Returns `{ local_date, streak }` for the later days of the joined run.
 */
export function renumberRun(date: string, streak: number, laterDates: string[]): { local_date: string; streak: number }[] {
  const run: { local_date: string; streak: number }[] = []
  let last = date
  let n = streak
  for (const d of [...laterDates].sort()) {
    if (d !== addDays(last, 1)) break
    n += 1
    run.push({ local_date: d, streak: n })
    last = d
  }
  return run
}

/**
 * Why a make-up check-in for `date` is refused on local day `today`, or null if
 * it is allowed: only a past day, within the current local month (window null)
 * or within the last `windowDays` days.
 */
export function makeupCheckInRefusal(date: string, today: string, windowDays: number | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime()) || addDays(date, 0) !== date) {
    return `date must be a calendar date YYYY-MM-DD`
  }
  if (date >= today) return `date must be a day before today (${today})`
  if (windowDays === null) {
    if (date.slice(0, 7) !== today.slice(0, 7)) return `date must be in the current month (${today.slice(0, 7)})`
  } else if (date < addDays(today, -windowDays)) {
    return `date must be within the last ${windowDays} days`
  }
  return null
}
