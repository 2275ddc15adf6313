/**
 * When a customer may be bound to a referrer (SPEC §2.2) and who counts as a
 * promoter (§2.3). Pure, so the store route, the sign-up subscriber and the
 * order path all apply one rule set with one wording.
 */
export type BindMode = "on_register" | "on_first_order" | "anytime_until_first_order"
export type PromoterMode = "everyone_is_promoter" | "apply" | "auto_after_spend"
export type PromoterStatus = "applied" | "active" | "rejected" | "disabled"

/**
 * Where a binding request comes from: the sign-up (`customer.created` with
 * `metadata.referral_code`), the storefront (`POST /store/fission/referral/bind`)
 * or the customer's first order (`order.placed` with `metadata.referral_code`).
 */
export type BindChannel = "register" | "store" | "order"

/**
 * With `on_register`, a code typed right after sign-up still counts as
 * "given at sign-up": the storefront may bind within 24 hours of registration,
 * and only before any order.
 */
export const ON_REGISTER_BIND_WINDOW_HOURS = 24

export type BindWindowInput = {
  mode: BindMode
  channel: BindChannel
  customer_created_at: Date | string
  /** Orders of the customer other than the one being placed (order channel). */
  prior_order_count: number
  now?: Date
}

/** Null when the binding may happen now, else why not (a 400 message). */
export function bindWindowViolation({ mode, channel, customer_created_at, prior_order_count, now = new Date() }: BindWindowInput): string | null {
  const ordered = prior_order_count > 0
  switch (channel) {
    case "register":
      if (mode === "on_first_order") return "bind_mode is on_first_order: a referral code is taken from the first order, not at sign-up"
      return ordered ? "a referral can only be bound before the customer's first order" : null
    case "store": {
      if (mode === "on_first_order") {
        return "bind_mode is on_first_order: put the referral code on the first order (cart metadata.referral_code) instead"
      }
      if (ordered) return "a referral can only be bound before the customer's first order"
      if (mode === "on_register") {
        const age = now.getTime() - new Date(customer_created_at).getTime()
        if (age > ON_REGISTER_BIND_WINDOW_HOURS * 3600_000) {
          return `bind_mode is on_register: a referral code can only be bound within ${ON_REGISTER_BIND_WINDOW_HOURS} hours of sign-up`
        }
      }
      return null
    }
    case "order":
      if (mode === "on_register") return "bind_mode is on_register: a referral code is only taken at sign-up"
      return ordered ? "a referral code on an order only binds on the customer's first order" : null
  }
}

/**
 * Whether a customer can refer others and earn: in `everyone_is_promoter`
 * mode everybody except a disabled promoter; otherwise only an active promoter.
 */
export function isEffectivePromoter(status: PromoterStatus | null | undefined, mode: PromoterMode): boolean {
  if (mode === "everyone_is_promoter") return status !== "disabled"
  return status === "active"
}
