// Mirrors the admin API of @fission/group-draw (see the plugin README).

export type Campaign = {
  id: string
  title: string
  description: string | null
  product_id: string
  variant_id: string
  price: number
  currency_code: string
  group_size: number
  winners: number
  duration_hours: number
  loser_reward: number
  red_envelope_amount: number
  red_envelope_split: "random" | "equal"
  winner_shopping_fund_ratio: number
  visibility: "open" | "private"
  max_groups_per_customer_per_day: number | null
  allow_early_draw: boolean
  allow_shopper_groups: boolean
  shopper_group_size_min: number | null
  shopper_group_size_max: number | null
  shopper_winners_min: number | null
  shopper_winners_max: number | null
  shopper_duration_hours_max: number | null
  allow_private_groups: boolean
  status: "draft" | "active" | "ended"
  starts_at: string | null
  ends_at: string | null
  created_at: string
}

export type Member = {
  id: string
  seat: number
  customer_id: string
  order_id: string
  status: "paid" | "won" | "lost" | "refunded"
  refund_status: "none" | "pending" | "refunded" | "failed"
  refund_attempts: number
  refund_error: string | null
  envelope_share: number | null
  client_seed: string | null
  joined_at: string
}

export type Group = {
  id: string
  campaign_id: string
  status: "open" | "full" | "drawn" | "refunding" | "completed" | "failed"
  size: number
  winners: number
  seats_taken: number
  seats_left: number
  duration_hours: number
  visibility: "open" | "private"
  shopper_defined: boolean
  expires_at: string
  drawn_at: string | null
  completed_at: string | null
  draw_id: string | null
  commitment: string | null
  draw: { seed: string | null; outcome: any; inputs: any } | null
  envelope_draw_id: string | null
  created_at: string
  members: Member[]
}

export type DayStats = { day: string; opened: number; completed: number; failed: number }
export type Stats = { from: string; to: string; days: DayStats[]; totals: Omit<DayStats, "day"> }

type Color = "green" | "blue" | "orange" | "red" | "grey" | "purple"
const COLORS: Record<string, Color> = {
  active: "green",
  completed: "green",
  won: "green",
  refunded: "blue",
  open: "blue",
  full: "orange",
  drawn: "orange",
  pending: "orange",
  paid: "purple",
  lost: "orange",
  refunding: "red",
  failed: "red",
  ended: "grey",
  draft: "grey",
  none: "grey",
}
export const statusColor = (s: string): Color => COLORS[s] ?? "grey"

export const errorMessage = (e: unknown) => (e as any)?.message ?? String(e)
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—")
export const money = (v: number | null | undefined, currency?: string) =>
  v === null || v === undefined ? "—" : `${v.toFixed(2)}${currency ? ` ${currency.toUpperCase()}` : ""}`

// Shared with the API, which refuses to change these once a campaign has groups.
export { LOCKED_FIELDS } from "../../utils/locked-fields"
