export type RebateLevel = {
  id: string
  position: number
  name: string
  min_consumption: number
  team_structure: number[] | null
  dividend_points: number
}

export type RebateSettings = {
  time_zone: string
  currency_code: string | null
  close_day: number
  pool_mode: "fixed" | "gmv_rate"
  pool_amount: number
  pool_rate: number
  pool_threshold: number
  payout_destination: "commission" | "store_credit"
  points_after_close: "keep" | "reset"
  tiered_enabled: boolean
  tiered_tiers: { min_spend: number; rate: number }[]
}

export type PoolRun = {
  id: string
  month: string
  status: "running" | "completed" | "failed"
  currency_code: string
  gmv: number
  pool_amount: number
  paid_amount: number
  threshold: number
  holders: number
  total_points: string
  payout_destination: string
  points_after_close: string
  postings: number
  points_reset: number
  tiered_payouts: number
  tiered_amount: number
  error: string | null
  completed_at: string | null
}

export type MonthClosePreview = {
  month: string
  currency_code: string
  pool_mode: string
  gmv: number
  pool_amount: number
  threshold: number
  payout_destination: string
  points_after_close: string
  holders: number
  total_points: string
  paid_total: number
  top_shares: { customer_id: string; points: number; amount: number }[]
  tiered: { payouts: number; amount: number }
  run: PoolRun | null
}

export type RebateStatus = {
  month: string
  consumption: number
  currency_code: string
  level: RebateLevel | null
  next_level: (RebateLevel & { missing: { consumption: number; team: { depth: number; required: number; active: number; missing: number }[] } }) | null
  team_active: number[]
  team_conditions_available: boolean
  awarded_points: number
  dividend_points: number
  frozen_awards: { id: string; amount: number; points: number; held_amount: number; frozen_at: string }[]
}

export type RebateHistory = {
  months: { month: string; consumption: number; level_position: number | null; awarded_points: number }[]
  team_awards: { id: string; amount: number; points: number; status: string; created_at: string }[]
}

export const rebateKeys = {
  settings: ["fission-rebates", "settings"] as const,
  levels: ["fission-rebates", "levels"] as const,
  runs: ["fission-rebates", "pool-runs"] as const,
  preview: (month: string) => ["fission-rebates", "preview", month] as const,
  customer: (id: string) => ["fission-rebates", "customer", id] as const,
}

/** The current month in the browser's clock as YYYY-MM (the server decides the store's own month). */
export const currentMonth = () => new Date().toISOString().slice(0, 7)
