/** Shapes of the blind-box admin API (README "Admin API"). */
export type Economics = {
  prize_range: { min: number; max: number }
  expected_opens: string
  initiator_income: { min: string; max: string }
  initiator_gross: { min: string; max: string }
  platform_per_open: string
  initiation_rewards: string
  platform_margin: { min: string; max: string }
}
export type Template = {
  id: string
  title: string
  status: "draft" | "active" | "archived"
  prize: { product_id: string; variant_id: string; value: number }
  prize_cost: number | null
  currency_code: string
  boxes: number
  no_win_opens: number
  initiation: { cash: number; vouchers: number }
  open_price: number
  initiator_share: number
  winner_vouchers: number | null
  consolation_vouchers: number
  seed_gift: { vouchers: number; limit: number; given: number }
  referral_rewards: { initiation_referrer: number; initiation_leader: number; open_referrer: number }
  frozen: boolean
  economics: Economics
}
export type Campaign = {
  id: string
  template_id: string
  status: "initiating" | "open" | "won" | "failed"
  initiator: string
  boxes: number
  no_win_opens: number
  opens_count: number
  opens_reserved?: number
  prize_position: number | null
  winning_open: number | null
  winner: string | null
  claim: "none" | "product" | "vouchers"
  claim_order_id: string | null
  commitment: string | null
  draw_id: string | null
  open_price: number
  currency_code: string
  created_at: string
  won_at: string | null
}
export const statusColor = (s: string) => (s === "open" || s === "active" ? "green" : s === "won" ? "blue" : s === "failed" ? "red" : "grey")
export const TEMPLATE_STATUSES = ["draft", "active", "archived"] as const
export const CAMPAIGN_STATUSES = ["initiating", "open", "won", "failed"] as const
