import { equalSplit, fromMinor, shoppingFundOf, toMinor } from "./money"

/** The campaign fields that bound a shopper-defined group (SPEC §4.1 "within admin limits"). */
export type ShopperGroupCampaign = {
  price: unknown
  group_size: number
  winners: number
  duration_hours: number
  red_envelope_amount?: unknown
  red_envelope_split?: "random" | "equal" | string
  winner_shopping_fund_ratio?: unknown
  allow_shopper_groups?: boolean | null
  shopper_group_size_min?: number | null
  shopper_group_size_max?: number | null
  shopper_winners_min?: number | null
  shopper_winners_max?: number | null
  shopper_duration_hours_max?: number | null
  allow_private_groups?: boolean | null
}

export type ShopperGroupChoice = {
  group_size?: number
  winners?: number
  duration_hours?: number
  visibility?: "open" | "private"
}

export type GroupRules = {
  size: number
  winners: number
  duration_hours: number
  visibility: "open" | "private"
  shopper_defined: boolean
}

/**
 * The most one winner of a group of `size` can receive, in minor units — the value the
 * lottery prize cap (SPEC §0.6) bounds: the product at its price, the winner shopping fund,
 * and the largest red-envelope share possible (random split: everything but 0.01 for each
 * other member; equal split: the last seat's share, which carries the rounding remainder).
 */
export function prizeValueMinor(c: ShopperGroupCampaign, size: number): bigint {
  const price = toMinor(c.price)
  const fund = shoppingFundOf(price, c.winner_shopping_fund_ratio ?? 0)
  const envelope = toMinor(c.red_envelope_amount ?? 0)
  let share = 0n
  if (envelope > 0n && size > 0) {
    share = c.red_envelope_split === "equal" ? equalSplit(envelope, size)[size - 1] : envelope - BigInt(size - 1)
  }
  return price + fund + (share > 0n ? share : 0n)
}

/** First problem of a prize at `size` against the cap, or null. */
export function prizeCapError(c: ShopperGroupCampaign, size: number, cap: unknown): string | null {
  const value = prizeValueMinor(c, size)
  if (value > toMinor(cap)) {
    return `prize value ${fromMinor(value)} (price + shopping fund + largest red-envelope share for group_size ${size}) exceeds the lottery prize cap (${cap})`
  }
  return null
}

/** The bounds a shopper may choose within; unset bounds default to the campaign's own value. */
export function shopperBounds(c: ShopperGroupCampaign) {
  return {
    size_min: c.shopper_group_size_min ?? c.group_size,
    size_max: c.shopper_group_size_max ?? c.group_size,
    winners_min: c.shopper_winners_min ?? c.winners,
    winners_max: c.shopper_winners_max ?? c.winners,
    duration_max: c.shopper_duration_hours_max ?? c.duration_hours,
  }
}

const chose = (choice: ShopperGroupChoice) =>
  choice.group_size !== undefined ||
  choice.winners !== undefined ||
  choice.duration_hours !== undefined ||
  (choice.visibility !== undefined && choice.visibility !== "open")

/**
 * Resolves the rules of a group a shopper opens: the campaign's own when the shopper chose
 * nothing, otherwise the shopper's choice checked against the campaign limits and the prize
 * cap. Returns the rules or the first problem, naming the violated limit.
 */
export function resolveGroupRules(
  c: ShopperGroupCampaign,
  choice: ShopperGroupChoice,
  lotteryPrizeCap: unknown
): { rules: GroupRules; error?: undefined } | { rules?: undefined; error: string } {
  if (!chose(choice)) {
    return {
      rules: { size: c.group_size, winners: c.winners, duration_hours: c.duration_hours, visibility: "open", shopper_defined: false },
    }
  }
  if (!c.allow_shopper_groups) {
    return { error: "allow_shopper_groups: this campaign does not let shoppers choose group_size, winners, duration_hours or visibility" }
  }
  const b = shopperBounds(c)
  const size = choice.group_size ?? c.group_size
  const winners = choice.winners ?? Math.min(Math.max(c.winners, b.winners_min), b.winners_max)
  const duration = choice.duration_hours ?? Math.min(c.duration_hours, b.duration_max)
  const visibility = choice.visibility ?? "open"

  if (!Number.isInteger(size) || size < b.size_min) return { error: `group_size must be ≥ shopper_group_size_min (${b.size_min})` }
  if (size > b.size_max) return { error: `group_size must be ≤ shopper_group_size_max (${b.size_max})` }
  if (!Number.isInteger(winners) || winners < b.winners_min) return { error: `winners must be ≥ shopper_winners_min (${b.winners_min})` }
  if (winners > b.winners_max) return { error: `winners must be ≤ shopper_winners_max (${b.winners_max})` }
  if (winners < 1 || winners >= size) return { error: `winners must satisfy 1 ≤ winners < group_size (${size})` }
  if (!Number.isInteger(duration) || duration < 1) return { error: "duration_hours must be a positive integer" }
  if (duration > b.duration_max) return { error: `duration_hours must be ≤ shopper_duration_hours_max (${b.duration_max})` }
  if (visibility === "private" && !c.allow_private_groups) {
    return { error: "visibility: allow_private_groups is off for this campaign, groups must be open" }
  }
  const envelope = toMinor(c.red_envelope_amount ?? 0)
  if (envelope > 0n && envelope < BigInt(size)) {
    return { error: `group_size: red_envelope_amount must give each of the ${size} members at least 0.01` }
  }
  const cap = prizeCapError(c, size, lotteryPrizeCap)
  if (cap) return { error: cap }
  return { rules: { size, winners, duration_hours: duration, visibility, shopper_defined: true } }
}

/**
 * Admin-side consistency of the shopper limits (saved with the campaign): every bound is
 * usable, at least one (size, winners) pair is valid, and the largest prize — at the
 * smallest allowed size — stays under the cap.
 */
export function shopperLimitsError(c: ShopperGroupCampaign, lotteryPrizeCap: unknown): string | null {
  if (!c.allow_shopper_groups) return null
  const b = shopperBounds(c)
  if (!Number.isInteger(b.size_min) || b.size_min < 2) return "shopper_group_size_min must be an integer ≥ 2"
  if (!Number.isInteger(b.size_max) || b.size_max < b.size_min) return "shopper_group_size_max must be ≥ shopper_group_size_min"
  if (!Number.isInteger(b.winners_min) || b.winners_min < 1) return "shopper_winners_min must be an integer ≥ 1"
  if (!Number.isInteger(b.winners_max) || b.winners_max < b.winners_min) return "shopper_winners_max must be ≥ shopper_winners_min"
  if (b.winners_min >= b.size_max) return "shopper_winners_min must be < shopper_group_size_max (no valid group otherwise)"
  if (!Number.isInteger(b.duration_max) || b.duration_max < 1) return "shopper_duration_hours_max must be a positive integer"
  const envelope = toMinor(c.red_envelope_amount ?? 0)
  if (envelope > 0n && envelope < BigInt(b.size_max)) {
    return "shopper_group_size_max: red_envelope_amount must give every member at least 0.01"
  }
  return prizeCapError(c, b.size_min, lotteryPrizeCap)
}
