import { bindWindowViolation, isEffectivePromoter, ON_REGISTER_BIND_WINDOW_HOURS } from "./bind-rules"

const now = new Date("2026-01-10T12:00:00Z")
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000)

describe("bind windows (SPEC §2.2)", () => {
  it("on_register: at sign-up, or from the storefront within 24h of sign-up and before any order; never from an order", () => {
    const base = { mode: "on_register" as const, now }
    expect(ON_REGISTER_BIND_WINDOW_HOURS).toBe(24)
    expect(bindWindowViolation({ ...base, channel: "register", customer_created_at: now, prior_order_count: 0 })).toBeNull()
    expect(bindWindowViolation({ ...base, channel: "store", customer_created_at: hoursAgo(23), prior_order_count: 0 })).toBeNull()
    expect(bindWindowViolation({ ...base, channel: "store", customer_created_at: hoursAgo(25), prior_order_count: 0 })).toMatch(/24 hours/)
    expect(bindWindowViolation({ ...base, channel: "store", customer_created_at: hoursAgo(1), prior_order_count: 1 })).toMatch(/first order/)
    expect(bindWindowViolation({ ...base, channel: "order", customer_created_at: now, prior_order_count: 0 })).toMatch(/on_register/)
  })

  it("on_first_order: only through the first order", () => {
    const base = { mode: "on_first_order" as const, customer_created_at: now, now }
    expect(bindWindowViolation({ ...base, channel: "order", prior_order_count: 0 })).toBeNull()
    expect(bindWindowViolation({ ...base, channel: "order", prior_order_count: 2 })).toMatch(/first order/)
    expect(bindWindowViolation({ ...base, channel: "store", prior_order_count: 0 })).toMatch(/on_first_order/)
    expect(bindWindowViolation({ ...base, channel: "register", prior_order_count: 0 })).toMatch(/on_first_order/)
  })

  it("anytime_until_first_order: any channel, any time, until the first order", () => {
    const base = { mode: "anytime_until_first_order" as const, customer_created_at: hoursAgo(24 * 365), now }
    for (const channel of ["register", "store", "order"] as const) {
      expect(bindWindowViolation({ ...base, channel, prior_order_count: 0 })).toBeNull()
      expect(bindWindowViolation({ ...base, channel, prior_order_count: 1 })).toMatch(/first order/)
    }
  })
})

describe("who is a promoter (SPEC §2.3)", () => {
  it("everyone_is_promoter: everybody but a disabled promoter", () => {
    expect(isEffectivePromoter(null, "everyone_is_promoter")).toBe(true)
    expect(isEffectivePromoter("applied", "everyone_is_promoter")).toBe(true)
    expect(isEffectivePromoter("disabled", "everyone_is_promoter")).toBe(false)
  })

  it("apply / auto_after_spend: active promoters only", () => {
    for (const mode of ["apply", "auto_after_spend"] as const) {
      expect(isEffectivePromoter("active", mode)).toBe(true)
      for (const status of [null, undefined, "applied", "rejected", "disabled"] as const) {
        expect(isEffectivePromoter(status, mode)).toBe(false)
      }
    }
  })
})
