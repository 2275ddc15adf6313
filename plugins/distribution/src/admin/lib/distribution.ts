// Response shapes of the distribution admin API (src/api/admin/fission/...) and small
// display helpers shared by the pages and widgets.

export type CustomerCard = { id: string; email: string | null; first_name: string | null; last_name: string | null }

export type CommissionStatus = "pending" | "available" | "voided" | "reversed"
export type CommissionKind = "sale" | "self_purchase" | "team_leader" | "team_reward"
export const COMMISSION_STATUSES: CommissionStatus[] = ["pending", "available", "voided", "reversed"]
export const COMMISSION_KINDS: CommissionKind[] = ["sale", "self_purchase", "team_leader", "team_reward"]

export type Commission = {
  id: string
  order_id: string
  line_item_id: string | null
  product_id: string | null
  buyer_id: string
  beneficiary_id: string
  kind: CommissionKind
  level: number
  base_amount: number
  rate: number | null
  fixed_per_unit: number | null
  quantity: number
  amount: number
  reversed_amount: number
  currency_code: string
  status: CommissionStatus
  available_at: string | null
  settled_at: string | null
  created_at: string
  beneficiary: CustomerCard
  buyer?: CustomerCard
}

export type CommissionSums = { count: number; amount: number; reversed_amount: number; net_amount: number }
export type CommissionTotals = {
  count: number
  by_currency: (CommissionSums & { currency_code: string; by_status: Partial<Record<CommissionStatus, CommissionSums>> })[]
}
export type CommissionList = { commissions: Commission[]; count: number; offset: number; limit: number; totals: CommissionTotals }
export type DailyCommissions = { timezone: string; currency_code: string | null; days: (CommissionSums & { date: string })[] }

export type PromoterStatus = "applied" | "active" | "rejected" | "disabled"
export const PROMOTER_STATUSES: PromoterStatus[] = ["applied", "active", "rejected", "disabled"]
export type Promoter = {
  id: string
  customer_id: string
  code: string
  status: PromoterStatus
  source: "everyone" | "application" | "auto_spend" | "admin"
  rank_id: string | null
  rank_overridden: boolean
  real_name: string | null
  phone: string | null
  note: string | null
  review_reason: string | null
  reviewed_at: string | null
  activated_at: string | null
  created_at: string
  customer: CustomerCard | null
  counts: { level1: number; level2: number; level3: number }
  referrer_id: string | null
}
export type PromoterList = { promoters: Promoter[]; count: number; offset: number; limit: number }

export type RankConditions = {
  personal_spend?: number
  direct_referrals?: { count: number; rank_id?: string | null; purchased_product_id?: string | null }
  team_counts?: number[]
}
export type Rank = {
  id: string
  name: string
  position: number
  is_default: boolean
  is_leader: boolean
  conditions: RankConditions | null
  level1_rate: number | null
  level2_rate: number | null
  team_reward_amount: number | null
  leader_share_rate: number | null
}
export type RankList = { ranks: Rank[]; count: number; offset: number; limit: number }

export type WithdrawalStatus = "requested" | "approved" | "paid" | "rejected"
export const WITHDRAWAL_STATUSES: WithdrawalStatus[] = ["requested", "approved", "paid", "rejected"]
export type Withdrawal = {
  id: string
  customer_id: string
  amount: number
  fee: number
  net_amount: number
  currency_code: string
  method: string
  account: string | null
  status: WithdrawalStatus
  reference: string | null
  review_reason: string | null
  reviewed_at: string | null
  paid_at: string | null
  created_at: string
}
export type WithdrawalList = {
  withdrawals: Withdrawal[]
  count: number
  offset: number
  limit: number
  totals: {
    count: number
    amount: number
    fee: number
    net_amount: number
    by_status: Partial<Record<WithdrawalStatus, { count: number; amount: number; fee: number; net_amount: number }>>
  }
}

export type DistributionSettings = {
  bind_mode: "on_register" | "on_first_order" | "anytime_until_first_order"
  binding_expiry_days: number | null
  promoter_mode: "everyone_is_promoter" | "apply" | "auto_after_spend"
  auto_promoter_threshold: number
  commission_depth: number
  level1_rate: number
  level2_rate: number
  self_purchase_commission: boolean
  freeze_days: number
  pass_up_count: number
  withdrawal_min_amount: number
  withdrawal_fee_rate: number
  withdrawal_daily_limit: number
  share_base_url: string | null
}

export type ProductRule = { id: string; mode: "rate" | "fixed" | "excluded"; level1: number | null; level2: number | null }
export type ProductCommission = {
  product_id: string
  rule: ProductRule | null
  variants: { variant_id: string; title: string | null; sku: string | null; rule: ProductRule | null }[]
  store_default: { level1_rate: number; level2_rate: number; commission_depth: number }
}

export type ReferralTree = {
  customer: CustomerCard
  referral: { referrer_id: string; source: string; code: string | null; bound_at: string; expires_at: string | null; expired: boolean } | null
  upline: { depth: number; customer: CustomerCard; bound_at: string; expires_at: string | null; expired: boolean }[]
  upline_truncated: boolean
  counts: { level1: number; level2: number; level3: number }
  downline: {
    level: number
    count: number
    offset: number
    limit: number
    members: { customer: CustomerCard; referrer_id: string | null; bound_at: string | null; expires_at: string | null }[]
  }[]
  events: {
    id: string
    action: "bind" | "rebind" | "expire"
    referrer_id: string | null
    previous_referrer_id: string | null
    source: string
    reason: string | null
    actor_id: string | null
    created_at: string
  }[]
}

/** Everything distribution-related shares one key prefix, so a mutation can refresh it all. */
export const distKeys = {
  all: ["fission", "distribution"] as const,
  scope: (...parts: unknown[]) => ["fission", "distribution", ...parts] as const,
}

export const personName = (c: Partial<CustomerCard> | null | undefined) => {
  const name = [c?.first_name, c?.last_name].filter(Boolean).join(" ").trim()
  return name || c?.email || c?.id || "—"
}

/**
 * Decimal point shifts done on the text, so "12.5" % ↔ "0.125" stay exact (no float
 * arithmetic on what is sent to the server).
 */
function shift(text: string, places: number): string {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!m) return text
  let int = m[1] || "0"
  let frac = m[2] ?? ""
  if (places > 0) {
    frac = frac.padEnd(places, "0")
    int = int + frac.slice(0, places)
    frac = frac.slice(places)
  } else {
    const n = -places
    int = int.padStart(n + 1, "0")
    frac = int.slice(int.length - n) + frac
    int = int.slice(0, int.length - n)
  }
  int = int.replace(/^0+(?=\d)/, "")
  frac = frac.replace(/0+$/, "")
  return frac ? `${int}.${frac}` : int
}
/** "12.5" → "0.125"; anything that is not a plain decimal is sent as typed (the server names the field). */
export const percentToFraction = (percent: string) => (/^\d*(\.\d*)?$/.test(percent.trim()) && percent.trim() ? shift(percent, -2) : percent.trim())
/** 0.125 → "12.5" */
export const fractionToPercent = (fraction: number | string | null | undefined) =>
  fraction === null || fraction === undefined || fraction === "" ? "" : shift(String(fraction), 2)
export const percentLabel = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? "—" : `${fractionToPercent(fraction)}%`)

type BadgeColor = "green" | "orange" | "red" | "grey" | "blue" | "purple"
export const COMMISSION_STATUS_COLOR: Record<CommissionStatus, BadgeColor> = {
  pending: "orange",
  available: "green",
  voided: "grey",
  reversed: "red",
}
export const PROMOTER_STATUS_COLOR: Record<PromoterStatus, BadgeColor> = {
  applied: "blue",
  active: "green",
  rejected: "red",
  disabled: "grey",
}
export const WITHDRAWAL_STATUS_COLOR: Record<WithdrawalStatus, BadgeColor> = {
  requested: "orange",
  approved: "blue",
  paid: "green",
  rejected: "red",
}
export const ORDER_LIFECYCLE_COLOR: Record<string, BadgeColor> = {
  placed: "grey",
  paid: "blue",
  delivered: "orange",
  settled: "green",
  canceled: "red",
}
