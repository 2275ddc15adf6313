/**
 * Leaderboard / team-sales periods, in UTC: the current calendar month
 * (`month`), the current ISO week from Monday (`week`), the current day, or all time.
 */
export type LeaderboardPeriod = "day" | "week" | "month" | "all"

export function periodRange(period: LeaderboardPeriod, now: Date = new Date()): { from: Date; to: Date } {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const d = now.getUTCDate()
  switch (period) {
    case "day":
      return { from: new Date(Date.UTC(y, m, d)), to: new Date(Date.UTC(y, m, d + 1)) }
    case "week": {
      const sinceMonday = (now.getUTCDay() + 6) % 7
      return { from: new Date(Date.UTC(y, m, d - sinceMonday)), to: new Date(Date.UTC(y, m, d - sinceMonday + 7)) }
    }
    case "month":
      return { from: new Date(Date.UTC(y, m, 1)), to: new Date(Date.UTC(y, m + 1, 1)) }
    case "all":
      return { from: new Date(0), to: new Date(Date.UTC(9999, 0, 1)) }
  }
}
