import { toMinor } from "@fission/core/utils"

/** The terms a campaign copies from its template; they cannot change once a campaign started (SPEC §0.6). */
export const ECONOMIC_FIELDS = [
  "product_id",
  "variant_id",
  "currency_code",
  "prize_value",
  "prize_cost",
  "boxes",
  "initiation_cash",
  "initiation_vouchers",
  "open_price",
  "initiator_share",
  "no_win_opens",
  "winner_vouchers",
  "consolation_vouchers",
  "referrer_reward_initiation",
  "leader_reward_initiation",
  "referrer_reward_open",
  "seed_gift_vouchers",
  "seed_gift_limit",
] as const

export const MAX_BOXES = 10_000
export const MAX_SEED_GIFTS = 1_000_000

export type TemplateTerms = {
  prize_value: unknown
  boxes: number
  initiation_cash: unknown
  open_price: unknown
  initiator_share: unknown
  no_win_opens: number
  referrer_reward_open?: unknown
  seed_gift_vouchers?: unknown
  seed_gift_limit?: number
}

/**
 * Rules a template must meet on every save (returns the problems, each naming its field):
 * the open price within the compliance cap (default 200), the prize value within the lottery
 * prize cap (default 50,000), a prize position left after the no-win window, and a per-open
 * payout (initiator share + the opener's referrer reward) no larger than the open price.
 */
export function templateProblems(
  t: TemplateTerms,
  compliance: { blind_box_price_cap: number | string; lottery_prize_cap: number | string }
): string[] {
  const problems: string[] = []
  const price = toMinor(t.open_price)
  if (price <= 0n) problems.push("open_price must be greater than 0")
  if (price > toMinor(compliance.blind_box_price_cap)) {
    problems.push(`open_price ${t.open_price} exceeds the blind-box price cap of ${compliance.blind_box_price_cap} (compliance settings)`)
  }
  if (toMinor(t.prize_value) <= 0n) problems.push("prize_value must be greater than 0")
  if (toMinor(t.prize_value) > toMinor(compliance.lottery_prize_cap)) {
    problems.push(`prize_value ${t.prize_value} exceeds the lottery prize cap of ${compliance.lottery_prize_cap} (compliance settings)`)
  }
  if (!Number.isInteger(t.boxes) || t.boxes < 1 || t.boxes > MAX_BOXES) problems.push(`boxes must be an integer from 1 to ${MAX_BOXES}`)
  if (!Number.isInteger(t.no_win_opens) || t.no_win_opens < 0 || t.no_win_opens >= t.boxes) {
    problems.push(`no_win_opens must be an integer from 0 to boxes − 1 (${t.boxes - 1}): the prize must lie in some open`)
  }
  const payout = toMinor(t.initiator_share) + toMinor(t.referrer_reward_open ?? 0)
  if (payout > price) {
    problems.push(
      `initiator_share + referrer_reward_open (${t.initiator_share} + ${t.referrer_reward_open ?? 0}) must not exceed open_price ${t.open_price}`
    )
  }
  if ((t.seed_gift_limit ?? 0) > 0 && toMinor(t.seed_gift_vouchers ?? 0) <= 0n) {
    problems.push("seed_gift_vouchers must be greater than 0 when seed_gift_limit is set")
  }
  return problems
}

/** The economic fields an update would change on a frozen template (compared exactly as money/integers). */
export function changedFrozenFields(current: Record<string, any>, update: Record<string, any>): string[] {
  return ECONOMIC_FIELDS.filter((f) => {
    if (!(f in update)) return false
    const a = current[f]
    const b = update[f]
    if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) !== (b ?? null)
    if (typeof a === "string" && typeof b === "string" && !/^-?\d/.test(a)) return a !== b
    try {
      return toMinor(a) !== toMinor(b)
    } catch {
      return String(a) !== String(b)
    }
  })
}
