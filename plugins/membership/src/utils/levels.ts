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
 * The level to hold after growth changed: with downgrade policy `never` a
 * member keeps a higher level they reached (yearly re-evaluation is a separate job).
 */
export function targetLevel<T extends LevelLike>(levels: T[], growth: number, currentId: string | null, policy: string): T | null {
  const computed = levelForGrowth(levels, growth)
  const current = levels.find((l) => l.id === currentId) ?? null
  if (policy === "never" && current && (!computed || Number(current.growth_threshold) > Number(computed.growth_threshold))) {
    return current
  }
  return computed
}
