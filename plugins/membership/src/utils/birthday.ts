/**
 * Birthday points (SPEC §6.2), in the store's local calendar. Birthdays are
 * stored `YYYY-MM-DD`; a 29 February birthday is celebrated on 28 February in
 * years without a 29th.
 */

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The `MM-DD` birthdays celebrated on local date `date` (YYYY-MM-DD). */
export function birthdaysOn(date: string): string[] {
  const md = date.slice(5)
  return md === "02-28" && !isLeap(Number(date.slice(0, 4))) ? ["02-28", "02-29"] : [md]
}

/** Once per customer and year. */
export const birthdayPointsKey = (customer_id: string, year: number | string) => `points:birthday:${customer_id}:${year}`

/** A valid past birthday `YYYY-MM-DD`, or the reason it is not. */
export function birthdayRefusal(birthday: string, today: string): string | null {
  const d = new Date(`${birthday}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthday) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthday) {
    return "birthday must be a calendar date YYYY-MM-DD"
  }
  if (birthday > today) return "birthday must not be in the future"
  if (Number(birthday.slice(0, 4)) < 1900) return "birthday must be after 1900"
  return null
}
