// Mirrors the admin API of @fission/presale (see the plugin README).
export type Presale = {
  id: string
  title: string
  description: string | null
  product_id: string
  variant_id: string
  currency_code: string
  status: "draft" | "active" | "closed" | "failed" | "canceled"
  base_price: number
  step_amount: number
  step_interval: number
  max_steps: number
  free_interval: number | null
  min_participants: number | null
  max_participants: number | null
  starts_at: string | null
  ends_at: string
  shipping_date: string | null
  refund_destination: "original_payment" | "store_credit"
  refund_timing: "each_step" | "at_close"
  participants: number
  level: number
  current_price: number
  next_rebate_threshold: number | null
  next_free_draw_at: number | null
  free_orders_drawn: number
  free_draw_rounds: number
  chain_head: string | null
  close_reason: string | null
  totals?: { participants: number; paid: number; refund_requested: number; refunded: number; revenue: number; free_orders: number; refunds: { open: number; failed: number; succeeded: number } }
}

export type Participant = {
  id: string
  number: number
  customer_id: string
  order_id: string
  paid: number
  net_price: number
  refunds_owed: number
  refund_requested: number
  refunded: number
  free_order: boolean
  won_round: number | null
  draws_entered: number
  refund_status: "none" | "pending" | "refunded" | "failed"
  refunds: { id: string; kind: string; amount: number | null; status: string; refund_request_id: string | null }[]
  campaign_id?: string
  campaign_title?: string | null
}

export type ProjectionLine = {
  participants: number
  level: number
  price: number
  free_orders: number
  paid: number
  revenue: number
  refunds: number
  margin: number | null
}

export type Round = {
  round: number
  threshold: number
  draw_id: string
  status: "drawn" | "committed"
  entrants: number | null
  winner_participant_id: string | null
  digest: string | null
  drawn_at: string | null
  verify: string
}

export const PRESALE_STATUSES = ["draft", "active", "closed", "failed", "canceled"] as const

export const statusColor = (s: string) =>
  s === "active" ? "green" : s === "closed" ? "blue" : s === "draft" ? "grey" : s === "failed" || s === "canceled" ? "red" : "orange"
