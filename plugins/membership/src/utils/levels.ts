/** Member levels by growth (SPEC §6.2). */
export type LevelLike = { id: string; position: number; growth_threshold: number }

const byThreshold = <T extends LevelLike>(levels: T[]) =>
  [...levels].sort((a, b) => Number(a.growth_threshold) - Number(b.growth_threshold) || Number(a.position) - Number(b.position))

/** The highest level whose threshold `growth` reaches, or null. */
export function levelForGrowth<T extends LevelLike>(levels: T[], growth: number): T | null {
  let found: T | null = null
  for (const l of byThreshold(levels)) if (growth >= Number(l.growth_threshold)) found = l
  return found
}

/** The first level above `growth`, or null at the top. */
export function nextLevelAbove<T extends LevelLike>(levels: T[], growth: number): T | null {
  return byThreshold(levels).find((l) => Number(l.growth_threshold) > growth) ?? null
}

/**
 * The level to hold after growth changed: a member keeps a higher level they
 * reached — for good under downgrade policy `never`, until the yearly
 * re-evaluation under `yearly` (whose callers pass the growth of the last 12
 * months instead of the lifetime growth).
 */
export function targetLevel<T extends LevelLike>(levels: T[], growth: number, currentId: string | null): T | null {
  const computed = levelForGrowth(levels, growth)
  const current = levels.find((l) => l.id === currentId) ?? null
  if (current && (!computed || Number(current.growth_threshold) > Number(computed.growth_threshold))) return current
  return computed
}

/**
 * Yearly re-evaluation (downgrade policy `yearly`): the level reached by the
 * growth earned in the last 12 months, but never more than `maxDrop` levels
 * below the current one (levels ordered by threshold), and never lower than
 * nothing. A member whose qualifying growth reaches a higher level gets it.
 */
export function yearlyLevel<T extends LevelLike>(levels: T[], qualifyingGrowth: number, currentId: string | null, maxDrop: number): T | null {
  const ordered = byThreshold(levels)
  const computed = levelForGrowth(levels, qualifyingGrowth)
  const currentIndex = ordered.findIndex((l) => l.id === currentId)
  const computedIndex = computed ? ordered.indexOf(computed) : -1
  if (currentIndex < 0 || computedIndex >= currentIndex) return computed
  const floorIndex = Math.max(currentIndex - Math.max(0, maxDrop), -1)
  return ordered[Math.max(computedIndex, floorIndex)] ?? null
}

/** Days at the start of a local year in which the yearly re-evaluation runs (later ticks catch up). */
export const YEARLY_EVALUATION_DAYS = 7

/** The year whose re-evaluation is due on local date `date` (YYYY-MM-DD), or null outside 1–7 January. */
export function yearlyEvaluationYear(date: string): number | null {
  return date.slice(5, 7) === "01" && Number(date.slice(8, 10)) <= YEARLY_EVALUATION_DAYS ? Number(date.slice(0, 4)) : null
}
