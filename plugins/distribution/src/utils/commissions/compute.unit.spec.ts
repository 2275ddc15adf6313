import { beneficiariesFor, computeLineCommissions, leaderShare, passUp } from "./compute"
import { fromMinor as toDecimal, roundToMinor as toMinor } from "@fission/core/utils"

const line = (base: string, quantity = 1) => ({ line_item_id: "item_1", product_id: "prod_1", variant_id: null, quantity, base })
const chain = [
  { customer_id: "B", level: 1 as const, kind: "sale" as const },
  { customer_id: "A", level: 2 as const, kind: "sale" as const },
]

describe("computeLineCommissions", () => {
  it("pays the 899 package's fixed 100 direct / 50 indirect", () => {
    const out = computeLineCommissions(line("899"), { mode: "fixed", level1: 100, level2: 50 }, chain)
    expect(out.map((c) => [c.beneficiary_id, c.level, c.amount])).toEqual([
      ["B", 1, "100"],
      ["A", 2, "50"],
    ])
  })

  it("multiplies fixed amounts by quantity", () => {
    const out = computeLineCommissions(line("1798", 2), { mode: "fixed", level1: 100, level2: 50 }, chain)
    expect(out.map((c) => c.amount)).toEqual(["200", "100"])
  })

  it("pays 10% / 5% of what was paid, rounded half-up to the cent", () => {
    const out = computeLineCommissions(line("29.9"), { mode: "rate", level1: "0.1", level2: "0.05" }, chain)
    expect(out.map((c) => c.amount)).toEqual(["2.99", "1.5"]) // 1.495 → 1.50
  })

  it("lets a rank override the level rates of a rate rule", () => {
    const boss = [{ ...chain[0], rates: { level1: "0.2" } }, chain[1]]
    const out = computeLineCommissions(line("100"), { mode: "rate", level1: "0.1", level2: "0.05" }, boss)
    expect(out.map((c) => c.amount)).toEqual(["20", "5"])
  })

  it("never pays more than the base, and nothing for excluded products", () => {
    const out = computeLineCommissions(line("120"), { mode: "fixed", level1: 100, level2: 50 }, chain)
    expect(out.map((c) => c.amount)).toEqual(["100", "20"])
    expect(computeLineCommissions(line("899"), { mode: "excluded" }, chain)).toEqual([])
  })
})

describe("beneficiariesFor", () => {
  const buyer = { customer_id: "C", is_active_promoter: true }
  const ups = [
    { customer_id: "B", is_active_promoter: true },
    { customer_id: "A", is_active_promoter: true },
    { customer_id: "Z", is_active_promoter: true },
  ]

  it("stops at 2 levels above the buyer whatever the depth setting", () => {
    expect(beneficiariesFor({ buyer, ancestors: ups, depth: 3, selfPurchase: false }).map((b) => b.customer_id)).toEqual([
      "B",
      "A",
    ])
    expect(beneficiariesFor({ buyer, ancestors: ups, depth: 1, selfPurchase: false }).map((b) => b.customer_id)).toEqual(["B"])
  })

  it("gives a self-purchasing promoter level 1 and their referrer level 2", () => {
    const out = beneficiariesFor({ buyer, ancestors: ups, depth: 2, selfPurchase: true })
    expect(out).toEqual([
      { customer_id: "C", level: 1, kind: "self_purchase" },
      { customer_id: "B", level: 2, kind: "sale" },
    ])
  })

  it("skips inactive promoters without promoting anyone further up", () => {
    const out = beneficiariesFor({
      buyer,
      ancestors: [{ customer_id: "B", is_active_promoter: false }, ...ups.slice(1)],
      depth: 2,
      selfPurchase: false,
    })
    expect(out).toEqual([{ customer_id: "A", level: 2, kind: "sale" }])
  })
})

describe("money", () => {
  it("round-trips decimals exactly", () => {
    expect(toDecimal(toMinor("0.1") + toMinor("0.2"))).toBe("0.3")
    expect(toDecimal(toMinor("899"))).toBe("899")
    expect(toMinor(29.9)).toBe(2990n)
  })
})

describe("leaderShare", () => {
  it("pays the leader's rate on the base from what is left", () => {
    expect(leaderShare(line("899"), { customer_id: "L", level: 2, rate: "0.05" }, ["100", "50"])?.amount).toBe("44.95")
    expect(leaderShare(line("120"), { customer_id: "L", level: 2, rate: "0.5" }, ["100", "20"])).toBeNull()
  })
})

describe("passUp", () => {
  const ups = ["R", "G", "GG"]
  it("credits an unpromoted referrer's first N recruits to the referrer's upline, never 3 levels up", () => {
    expect(passUp(ups, false, 0, 2)).toEqual(["G"])
    expect(passUp(ups, false, 1, 2)).toEqual(["G"])
    expect(passUp(ups, false, 2, 2)).toEqual(ups)
    expect(passUp(ups, true, 0, 2)).toEqual(ups)
    expect(passUp(ups, false, 0, 0)).toEqual(ups)
  })
})
