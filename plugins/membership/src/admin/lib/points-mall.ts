export type MallItem = {
  id: string
  title: string
  kind: "coupon" | "product" | "store_credit"
  points_cost: number
  template_promotion_id: string | null
  variant_id: string | null
  cash_price: number | null
  credit_amount: number | null
  currency_code: string | null
  stock: number | null
  per_customer_limit: number | null
  allowed_level_ids: string[] | null
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  redeemed_count: number
}

export type CouponRule = {
  id: string
  name: string
  template_promotion_id: string
  min_order_total: number | null
  is_active: boolean
}

export const pointsMallKeys = {
  items: ["fission", "points-mall", "items"],
  couponRules: ["fission", "points-mall", "coupon-rules"],
}

/** "" → null, numbers as numbers, anything else as typed (the server's 400 names a bad field). */
export const optionalNumber = (text: string) => (text.trim() === "" ? null : Number.isNaN(Number(text)) ? text : Number(text))
