import { MedusaError } from "@medusajs/framework/utils"
import { decimalProblem, integerProblem, MONEY_MAX } from "@fission/core/utils"

/**
 * A rank's promotion conditions (SPEC §2.5); all given conditions must hold.
 * - personal_spend: the promoter's lifetime paid spend ≥ this amount;
 * - direct_referrals: at least `count` direct referrals (of rank `rank_id`, or who bought `purchased_product_id`);
 * - team_counts: team size by level, e.g. [3, 9] ("3×9") or [3, 9, 27] — counted at most 3 levels
 *   deep (a structure *condition*, never a payout, SPEC §0.6).
 */
export type RankConditions = {
  personal_spend?: number
  direct_referrals?: { count: number; rank_id?: string | null; purchased_product_id?: string | null }
  team_counts?: number[]
}

export type RankInput = {
  name?: string
  position?: number
  is_default?: boolean
  is_leader?: boolean
  conditions?: RankConditions | null
  level1_rate?: number | string | null
  level2_rate?: number | string | null
  team_reward_amount?: number | string | null
  leader_share_rate?: number | string | null
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
/** A rate 0 … 1 (6 decimals) or money 0 … 100,000,000 (2 decimals): the shared Fission bounds. */
function nonNegative(field: string, value: unknown, kind: "rate" | "money"): number {
  const bounds = kind === "rate" ? { max: 1, decimals: 6 } : { max: MONEY_MAX, decimals: 2 }
  if (decimalProblem(value, bounds)) {
    throw invalid(`${field} must be a decimal from 0 to ${bounds.max} with at most ${bounds.decimals} decimals (got ${JSON.stringify(value)})`)
  }
  return Number(value)
}

/** Throws INVALID_DATA naming the field; returns the input with decimals as numbers. */
export function validateRankInput(input: RankInput, limits: { max_team_condition_depth: number }): RankInput {
  const out: RankInput = { ...input }
  if (input.name !== undefined && !input.name.trim()) throw invalid("name must not be empty")
  for (const field of ["level1_rate", "level2_rate", "leader_share_rate"] as const) {
    if (input[field] !== undefined && input[field] !== null) out[field] = nonNegative(field, input[field], "rate")
  }
  if (input.team_reward_amount !== undefined && input.team_reward_amount !== null) {
    out.team_reward_amount = nonNegative("team_reward_amount", input.team_reward_amount, "money")
  }
  const c = input.conditions
  if (c) {
    if (c.personal_spend !== undefined) nonNegative("conditions.personal_spend", c.personal_spend, "money")
    if (c.direct_referrals !== undefined) {
      const n = c.direct_referrals.count
      if (integerProblem(n, { min: 1, max: 1_000_000 })) throw invalid(`conditions.direct_referrals.count must be an integer from 1 to 1000000 (got ${n})`)
    }
    if (c.team_counts !== undefined) {
      const depth = limits.max_team_condition_depth
      if (!Array.isArray(c.team_counts) || c.team_counts.length < 1 || c.team_counts.length > depth) {
        throw invalid(`conditions.team_counts must list 1 to ${depth} levels, e.g. [3, 9] or [3, 9, 27] (team conditions count at most ${depth} levels deep)`)
      }
      c.team_counts.forEach((n, i) => {
        if (integerProblem(n, { max: 1_000_000 })) throw invalid(`conditions.team_counts[${i}] must be an integer from 0 to 1000000 (got ${n})`)
      })
    }
  }
  return out
}
