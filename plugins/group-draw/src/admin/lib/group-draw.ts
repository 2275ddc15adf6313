// Mirrors the admin API of @fission/group-draw (see the plugin README).
import { useQuery } from "@tanstack/react-query"
import { fetchAllPages } from "@fission/core/admin-kit"

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

/** A loser's refund: @fission/core's refund request (`GET /admin/fission/refund-requests`), one per seat. */
export type RefundRequest = {
  id: string
  cause_key: string
  order_id: string
  source_id: string
  status: "pending" | "processing" | "succeeded" | "failed"
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
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
  succeeded: "green",
  processing: "orange",
  failed: "red",
  ended: "grey",
  draft: "grey",
  none: "grey",
}
export const statusColor = (s: string): Color => COLORS[s] ?? "grey"

/** Loser refunds of some groups (or orders), read through core's refund-request admin API (every page), by order id. */
export function useLoserRefunds(filter: { group_ids?: string[]; order_id?: string }, refetchInterval?: number) {
  const ids = filter.group_ids ?? []
  const query =
    filter.order_id !== undefined
      ? { order_id: filter.order_id, source_type: "group_draw.group" }
      : { source_type: "group_draw.group", source_id: ids.join(",") }
  const { data } = useQuery({
    queryKey: ["fission-refund-requests", query],
    // a group of 500 has 499 losers: read every page
    queryFn: () => fetchAllPages<RefundRequest>("/admin/fission/refund-requests", "refund_requests", query),
    enabled: filter.order_id !== undefined || ids.length > 0,
    refetchInterval,
  })
  return new Map((data ?? []).map((r) => [r.order_id, r]))
}

// Shared with the API, which refuses to change these once a campaign has groups.
export { LOCKED_FIELDS } from "../../utils/locked-fields"
