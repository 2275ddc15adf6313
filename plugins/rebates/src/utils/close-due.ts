import { closeDayOf, localDate, previousMonth } from "./months"

/**
 * The months a close-job tick at `at` should close (SPEC §3.3): the local month once
 * its close day's last hour has begun (the 30th, the last day in shorter months) or
 * any later day of it, and the previous month if it was never closed (the job was down).
 */
export function monthsDueAt(at: Date, timeZone: string, closeDay: number): { month: string; catch_up: boolean }[] {
  const date = localDate(at, timeZone)
  const month = date.slice(0, 7)
  const day = Number(date.slice(8, 10))
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit" }).format(at))
  const close = closeDayOf(month, closeDay)
  const due = [{ month: previousMonth(month), catch_up: true }]
  if (day > close || (day === close && hour >= 23)) due.push({ month, catch_up: false })
  return due
}
