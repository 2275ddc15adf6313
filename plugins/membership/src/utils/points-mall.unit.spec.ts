import {
  cashForUnits,
  mallItemEligibility,
  orderReachesMinimum,
  pointsDiscountPerUnit,
  pointsForUnits,
  remainingForCustomer,
  storeCreditRate,
} from "./points-mall"

const now = new Date("2026-03-07T04:00:00Z")
const item = { is_active: true, stock: 10, per_customer_limit: 2, allowed_level_ids: ["lvl_gold"] }

describe("points-mall eligibility", () => {
  it("accepts a gold member with limit and stock left", () => {
    expect(mallItemEligibility(item, { now, level_id: "lvl_gold", used: 1 })).toEqual({ eligible: true })
  })
  it("names each refusal", () => {
    const code = (i: any, ctx: any) => (mallItemEligibility({ ...item, ...i }, { now, level_id: "lvl_gold", used: 0, ...ctx }) as any).code
    expect(code({ is_active: false }, {})).toBe("inactive")
    expect(code({ starts_at: "2026-03-08T00:00:00Z" }, {})).toBe("not_started")
    expect(code({ ends_at: "2026-03-07T04:00:00Z" }, {})).toBe("ended")
    expect(code({}, { level_id: "lvl_silver" })).toBe("level_not_allowed")
    expect(code({}, { level_id: null })).toBe("level_not_allowed")
    expect(code({}, { used: 2 })).toBe("limit_reached")
    expect(code({}, { used: 1, quantity: 2 })).toBe("limit_reached")
    expect(code({ stock: 0 }, {})).toBe("out_of_stock")
  })
  it("treats null stock, limit and levels as unlimited / everyone", () => {
    const open = { is_active: true, stock: null, per_customer_limit: null, allowed_level_ids: null }
    expect(mallItemEligibility(open, { now, level_id: null, used: 1000, quantity: 50 })).toEqual({ eligible: true })
    expect(remainingForCustomer(null, 3)).toBeNull()
    expect(remainingForCustomer(2, 1)).toBe(1)
    expect(remainingForCustomer(2, 5)).toBe(0)
  })
})

describe("points ⇄ cash", () => {
  it("a 99 tea gift box for 500 points + 19.9 cash: the points pay 79.1 per unit", () => {
    expect(pointsDiscountPerUnit(99, "19.9")).toBe("79.1")
    expect(pointsForUnits(500, 2)).toBe(1000)
    expect(cashForUnits("19.9", 2)).toBe("39.8")
  })
  it("points only (cash 0) pays the whole unit price; cash above the price pays nothing", () => {
    expect(pointsDiscountPerUnit("29.9", 0)).toBe("29.9")
    expect(pointsDiscountPerUnit("29.9", null)).toBe("29.9")
    expect(pointsDiscountPerUnit(99, 120)).toBe("0")
  })
  it("store credit: 1000 points for 10.00 is a rate of 0.01 per point", () => {
    expect(storeCreditRate(1000, 10)).toBe("0.01")
  })
  it("after-payment coupon minimum", () => {
    expect(orderReachesMinimum("899", null)).toBe(true)
    expect(orderReachesMinimum("899", "899")).toBe(true)
    expect(orderReachesMinimum("898.99", 899)).toBe(false)
  })
})
