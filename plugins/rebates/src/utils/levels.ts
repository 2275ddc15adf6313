import { fromMinor, toMinor } from "@fission/core/utils"

/**
 * Activity levels (SPEC §3.1): a level is reached in a month when the customer's
 * paid consumption (net of refunds) reaches `min_consumption` and, if it has a
 * team structure `[a, b, c]`, at least a / b / c active members sit at depth
 * 1 / 2 / 3 ("active" = met level 1's consumption that month). The award of the
 * month is the dividend points of the highest level reached.
 */
export type LevelRule = {
  id: string
  position: number
  name: string
  min_consumption: string | number
  team_structure: number[] | null
  dividend_points: number
}

/** The seed levels of SPEC §3.1, exactly. */
export const SEED_LEVELS: Omit<LevelRule, "id">[] = [
  { position: 1, name: "Level 1", min_consumption: 899, team_structure: null, dividend_points: 3596 },
  { position: 2, name: "Level 2", min_consumption: 1798, team_structure: [3, 9], dividend_points: 7192 },
  { position: 3, name: "Level 3", min_consumption: 3596, team_structure: [3, 9, 27], dividend_points: 14384 },
  { position: 4, name: "Level 4", min_consumption: 7192, team_structure: [9, 27, 27], dividend_points: 28768 },
  { position: 5, name: "Level 5", min_consumption: 14384, team_structure: [27, 81, 200], dividend_points: 57536 },
]

export const byPosition = <T extends { position: number }>(levels: T[]): T[] => [...levels].sort((a, b) => a.position - b.position)

/** Deepest depth any level's team structure counts (0 when none has one). */
export const teamDepthOf = (levels: Pick<LevelRule, "team_structure">[]): number =>
  Math.max(0, ...levels.map((l) => l.team_structure?.length ?? 0))

/** What is still missing for `level`: consumption (decimal text) and active members per depth. */
export function missingFor(level: LevelRule, consumption: string | number, active: number[]) {
  const gap = toMinor(level.min_consumption) - toMinor(consumption)
  const team = (level.team_structure ?? []).map((required, i) => ({
    depth: i + 1,
    required,
    active: active[i] ?? 0,
    missing: Math.max(0, required - (active[i] ?? 0)),
  }))
  return {
    consumption: gap > 0n ? fromMinor(gap) : "0",
    team,
    met: gap <= 0n && team.every((t) => t.missing === 0),
  }
}

/** Whether the team structure `[a, b, c]` is met by `active` members per depth. */
export const teamStructureMet = (structure: number[] | null, active: number[]): boolean =>
  (structure ?? []).every((required, i) => (active[i] ?? 0) >= required)

/** Levels prepared for many evaluations (a month-wide pass): in position order, thresholds in minor units. */
export type PreparedLevels = { level: LevelRule; min: bigint }[]
export const prepareLevels = (levels: LevelRule[]): PreparedLevels =>
  byPosition(levels).map((level) => ({ level, min: toMinor(level.min_consumption) }))

/** `levelReached` over prepared levels and a consumption in minor units. */
export function levelReachedMinor(levels: PreparedLevels, consumption: bigint, active: number[]): LevelRule | null {
  let reached: LevelRule | null = null
  for (const { level, min } of levels) {
    if (consumption >= min && teamStructureMet(level.team_structure, active)) reached = level
  }
  return reached
}

/** The highest level reached, or null. Levels are independent: a higher one can be met without a lower one's team. */
export const levelReached = (levels: LevelRule[], consumption: string | number, active: number[]): LevelRule | null =>
  levelReachedMinor(prepareLevels(levels), toMinor(consumption), active)

/** The level after `reached` (the lowest position above it), or null at the top. */
export const nextLevel = (levels: LevelRule[], reached: LevelRule | null): LevelRule | null =>
  byPosition(levels).find((l) => !reached || l.position > reached.position) ?? null

/** Level 1's consumption: what makes a member "active" for the team conditions. */
export const activeThreshold = (levels: LevelRule[]): string | number | null => byPosition(levels)[0]?.min_consumption ?? null
