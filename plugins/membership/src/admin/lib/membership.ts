export type MemberLevel = {
  id: string
  name: string
  position: number
  growth_threshold: number
  points_multiplier: number
  customer_group_id: string | null
  free_shipping_threshold: number | null
  birthday_points: number
  description: string | null
  free_shipping_promotion_id?: string | null
  exclusive_product_ids: string[] | null
}

export type MembershipSettings = {
  points_per_currency_unit: number
  points_pending_days: number
  points_expiry_mode: "rolling_months" | "end_of_year" | "never"
  points_expiry_months: number
  checkin_base_points: number
  checkin_streak_bonuses: Record<string, number> | null
  makeup_checkin_cost: number | null
  makeup_checkin_window_days: number | null
  time_zone: string
  downgrade_policy: "never" | "yearly"
  downgrade_max_levels: number
  shopping_fund_daily_release_rate: number
  shopping_fund_participation_bonus_rate: number
  shopping_fund_invite_bonus_rate: number
}

export type CustomerMembership = {
  customer_id: string
  level: MemberLevel | null
  next_level: MemberLevel | null
  growth: number
  qualifying_growth: number
  growth_to_next_level: number | null
  downgrade_policy: "never" | "yearly"
  birthday: string | null
  points: { available: number; pending: number; expiring_soon: number; expiring_within_days: number }
  shopping_fund?: { locked: number; releasable: number; released_total: number }
  level_changes: { id: string; from_level_id: string | null; to_level_id: string | null; growth: number; reason: string; created_at: string }[]
}

export type MembershipStats = {
  from: string
  to: string
  time_zone: string
  months: { month: string; issued: number; spent: number; expired: number; reversed: number; returned: number }[]
  members_per_level: { level_id: string | null; name: string; members: number }[]
}

export const membershipKeys = {
  stats: (from: string, to: string) => ["fission", "membership", "stats", from, to],
  levels: ["fission", "membership", "levels"],
  settings: ["fission", "membership", "settings"],
  customer: (id: string) => ["fission", "membership", "customer", id],
}

