import { toMinor } from "./money"
import { prizeCapError, ShopperGroupCampaign, shopperLimitsError } from "./shopper-group-rules"

export type CampaignLike = {
  status: string
  starts_at?: Date | string | null
  ends_at?: Date | string | null
}

/** Open for new seats: active and within its optional start/end window. */
export function isCampaignOpen(c: CampaignLike, now = new Date()): boolean {
  if (c.status !== "active") return false
  if (c.starts_at && new Date(c.starts_at) > now) return false
  if (c.ends_at && new Date(c.ends_at) <= now) return false
  return true
}

export type CampaignRulesInput = Omit<ShopperGroupCampaign, "duration_hours"> & {
  duration_hours?: number
  loser_reward?: unknown
}

/**
 * The campaign rules of SPEC §4.1 and §0.6; returns the first problem naming the
 * field, or null. The prize of a group draw is the product at `price`, plus the winner
 * shopping fund and the largest red-envelope share (see prizeValueMinor).
 */
export function campaignRuleError(c: CampaignRulesInput, lotteryPrizeCap: unknown): string | null {
  if (!Number.isInteger(c.group_size) || c.group_size < 2) return "group_size must be an integer ≥ 2"
  if (!Number.isInteger(c.winners) || c.winners < 1 || c.winners >= c.group_size)
    return "winners must be an integer with 1 ≤ winners < group_size"
  if (c.duration_hours !== undefined && (!Number.isInteger(c.duration_hours) || c.duration_hours < 1))
    return "duration_hours must be a positive integer"
  const price = toMinor(c.price)
  if (price <= 0n) return "price must be positive"
  if (toMinor(c.loser_reward ?? 0) < 0n) return "loser_reward must not be negative"
  const envelope = toMinor(c.red_envelope_amount ?? 0)
  if (envelope < 0n) return "red_envelope_amount must not be negative"
  if (envelope > 0n && envelope < BigInt(c.group_size))
    return "red_envelope_amount must give every member at least 0.01"
  const ratio = Number(c.winner_shopping_fund_ratio ?? 0)
  if (!(ratio >= 0 && ratio <= 1)) return "winner_shopping_fund_ratio must be between 0 and 1"
  if (toMinor(c.price) > toMinor(lotteryPrizeCap)) return `price exceeds the lottery prize cap (${lotteryPrizeCap})`
  const capped = prizeCapError({ ...c, duration_hours: c.duration_hours ?? 24 }, c.group_size, lotteryPrizeCap)
  if (capped) return capped
  return shopperLimitsError({ ...c, duration_hours: c.duration_hours ?? 24 }, lotteryPrizeCap)
}

/** Start of the UTC day of `now`, for "max groups per customer per day". */
export const startOfDay = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

/** Shows a member without identifying them: "cus_01H…" → "cus_…XK9Q". */
export const maskId = (id: string) => (id.length <= 8 ? "****" : `${id.slice(0, 4)}…${id.slice(-4)}`)
