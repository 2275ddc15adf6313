import {
  admitCompletion,
  completionKey,
  isTaskOpen,
  missingProfileFields,
  remainingCompletions,
  taskDefinitionError,
  taskProgress,
  withinDays,
} from "./tasks"
import { isPaidOrder, OrderFacts, paidOrderWithProduct, previousPaidOrder } from "./task-orders"

const DAY = 86_400_000

describe("isTaskOpen", () => {
  const window = { is_active: true, starts_at: "2026-03-01T00:00:00Z", ends_at: "2026-04-01T00:00:00Z" }
  it("is open from starts_at (inclusive) to ends_at (exclusive) while active", () => {
    expect(isTaskOpen(window, new Date("2026-03-01T00:00:00Z"))).toBe(true)
    expect(isTaskOpen(window, new Date("2026-03-31T23:59:59Z"))).toBe(true)
    expect(isTaskOpen(window, new Date("2026-02-28T23:59:59Z"))).toBe(false)
    expect(isTaskOpen(window, new Date("2026-04-01T00:00:00Z"))).toBe(false)
  })
  it("is closed when inactive; no window = always", () => {
    expect(isTaskOpen({ ...window, is_active: false }, new Date("2026-03-10T00:00:00Z"))).toBe(false)
    expect(isTaskOpen({ is_active: true, starts_at: null, ends_at: null }, new Date("2000-01-01T00:00:00Z"))).toBe(true)
  })
})

describe("completionKey", () => {
  const cause = { local_date: "2026-03-07", cause_id: "order_1" }
  it("once per customer, once per local day, or once per cause", () => {
    expect(completionKey({ id: "mtask_1", repeat_rule: "once" }, "cus_1", cause)).toBe("mtask_1:cus_1")
    expect(completionKey({ id: "mtask_1", repeat_rule: "daily" }, "cus_1", cause)).toBe("mtask_1:cus_1:2026-03-07")
    expect(completionKey({ id: "mtask_1", repeat_rule: "unlimited" }, "cus_1", cause)).toBe("mtask_1:cus_1:order_1")
  })
})

describe("admitCompletion", () => {
  it("once: only the first", () => {
    expect(admitCompletion({ repeat_rule: "once" }, { total: 0, today: 0 })).toBeNull()
    expect(admitCompletion({ repeat_rule: "once" }, { total: 1, today: 0 })).toBe("already_completed")
  })
  it("daily with cap 2 (share once a day, at most twice): day 1 once, day 2 once, day 3 capped", () => {
    const share = { repeat_rule: "daily" as const, cap: 2 }
    expect(admitCompletion(share, { total: 0, today: 0 })).toBeNull()
    expect(admitCompletion(share, { total: 1, today: 1 })).toBe("done_today")
    expect(admitCompletion(share, { total: 1, today: 0 })).toBeNull()
    expect(admitCompletion(share, { total: 2, today: 0 })).toBe("cap_reached")
  })
  it("unlimited: capped in total, unbounded without a cap", () => {
    expect(admitCompletion({ repeat_rule: "unlimited", cap: 3 }, { total: 2, today: 2 })).toBeNull()
    expect(admitCompletion({ repeat_rule: "unlimited", cap: 3 }, { total: 3, today: 0 })).toBe("cap_reached")
    expect(admitCompletion({ repeat_rule: "unlimited", cap: null }, { total: 10_000, today: 50 })).toBeNull()
  })
})

describe("remainingCompletions / taskProgress", () => {
  it("counts what the cap leaves; null without a limit", () => {
    expect(remainingCompletions({ repeat_rule: "once" }, { total: 0, today: 0 })).toBe(1)
    expect(remainingCompletions({ repeat_rule: "daily", cap: 30 }, { total: 7, today: 1 })).toBe(23)
    expect(remainingCompletions({ repeat_rule: "unlimited", cap: null }, { total: 7, today: 1 })).toBeNull()
    expect(taskProgress({ repeat_rule: "daily", cap: 30 }, { total: 7, today: 1, claimable: 1 })).toEqual({
      completed_today: 1,
      completed_total: 7,
      remaining: 23,
      claimable: 1,
      available: false,
    })
  })
})

describe("withinDays", () => {
  const signUp = new Date("2026-03-01T10:00:00Z")
  it("7 days after sign-up is in, a second later is out, before is out", () => {
    expect(withinDays(signUp, new Date(signUp.getTime() + 7 * DAY), 7)).toBe(true)
    expect(withinDays(signUp, new Date(signUp.getTime() + 7 * DAY + 1000), 7)).toBe(false)
    expect(withinDays(signUp, new Date(signUp.getTime() - 1000), 7)).toBe(false)
  })
})

describe("missingProfileFields", () => {
  it("defaults to first name, last name and phone; blanks are missing", () => {
    expect(missingProfileFields({ first_name: "Li", last_name: " ", phone: null })).toEqual(["last_name", "phone"])
    expect(missingProfileFields({ first_name: "Li", last_name: "Wei", phone: "13800000000" })).toEqual([])
  })
  it("address means at least one saved address", () => {
    expect(missingProfileFields({ first_name: "Li", addresses: [] }, ["first_name", "address"])).toEqual(["address"])
    expect(missingProfileFields({ first_name: "Li", addresses: [{}] }, ["first_name", "address"])).toEqual([])
  })
})

describe("taskDefinitionError", () => {
  const base = { reward_points: 100 }
  it("requires days for the within-days kinds", () => {
    expect(taskDefinitionError({ ...base, kind: "first_purchase_within_days" })).toMatch(/params.days/)
    expect(taskDefinitionError({ ...base, kind: "repurchase_within_days", params: { days: 0 } })).toMatch(/params.days/)
    expect(taskDefinitionError({ ...base, kind: "repurchase_within_days", params: { days: 30 }, repeat_rule: "unlimited", cap: 5 })).toBeNull()
  })
  it("first purchase and complete profile happen once", () => {
    expect(taskDefinitionError({ ...base, kind: "complete_profile", repeat_rule: "daily" })).toMatch(/repeat_rule must be once/)
    expect(taskDefinitionError({ ...base, kind: "complete_profile", params: { fields: ["first_name", "age"] } })).toMatch(/unknown field age/)
  })
  it("needs a reward, a cap only with a repeat, and a window that ends after it starts", () => {
    expect(taskDefinitionError({ kind: "share", repeat_rule: "daily" })).toMatch(/reward is required/)
    expect(taskDefinitionError({ kind: "share", reward_promotion_id: "promo_1" })).toBeNull()
    expect(taskDefinitionError({ ...base, kind: "share", cap: 3 })).toMatch(/cap applies/)
    expect(
      taskDefinitionError({ ...base, kind: "share", starts_at: "2026-03-02T00:00:00Z", ends_at: "2026-03-01T00:00:00Z" })
    ).toMatch(/ends_at/)
  })
})

describe("order facts", () => {
  const paid = [{ status: "completed", captured_amount: 909 }]
  const order = (id: string, day: number, extra: Partial<OrderFacts> = {}): OrderFacts => ({
    id,
    created_at: new Date(Date.UTC(2026, 2, day)),
    status: "pending",
    product_ids: ["prod_tea"],
    payment_collections: paid,
    ...extra,
  })
  it("paid = captured and not canceled", () => {
    expect(isPaidOrder(order("a", 1))).toBe(true)
    expect(isPaidOrder(order("a", 1, { payment_collections: [{ status: "authorized", captured_amount: 0 }] }))).toBe(false)
    expect(isPaidOrder(order("a", 1, { status: "canceled" }))).toBe(false)
  })
  it("the previous paid order skips unpaid ones and later ones", () => {
    const unpaid = order("b", 5, { payment_collections: [{ status: "authorized" }] })
    const history = [order("c", 9), unpaid, order("a", 1), order("d", 12)]
    expect(previousPaidOrder(history, order("c", 9))?.id).toBe("a")
    expect(previousPaidOrder(history, order("a", 1))).toBeNull()
  })
  it("a review needs a paid order with the product", () => {
    expect(paidOrderWithProduct([order("a", 1, { status: "canceled" }), order("b", 2)], "prod_tea")?.id).toBe("b")
    expect(paidOrderWithProduct([order("a", 1)], "prod_other")).toBeNull()
  })
})
