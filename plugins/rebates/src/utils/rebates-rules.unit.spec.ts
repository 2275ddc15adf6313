import { fromMinor } from "@fission/core/utils"
import { planAward } from "./awards"
import { levelReached, LevelRule, missingFor, nextLevel, SEED_LEVELS, teamDepthOf } from "./levels"
import { closeDayOf, localMonth, monthBounds } from "./months"
import { poolMinor, poolShares } from "./pool"
import { tieredRebateMinor } from "./tiered"

const levels: LevelRule[] = SEED_LEVELS.map((l, i) => ({ ...l, id: `lvl_${i + 1}` }))

describe("activity levels (SPEC §3.1)", () => {
  it("seeds the §3.1 table exactly", () => {
    expect(SEED_LEVELS.map((l) => [l.position, l.min_consumption, l.team_structure, l.dividend_points])).toEqual([
      [1, 899, null, 3596],
      [2, 1798, [3, 9], 7192],
      [3, 3596, [3, 9, 27], 14384],
      [4, 7192, [9, 27, 27], 28768],
      [5, 14384, [27, 81, 200], 57536],
    ])
    expect(teamDepthOf(levels)).toBe(3)
  })

  it("899 reaches level 1 and earns 3,596; 898.99 reaches nothing", () => {
    expect(levelReached(levels, 899, [])?.dividend_points).toBe(3596)
    expect(levelReached(levels, "898.99", [])).toBeNull()
  })

  it("1,798 needs the 3×9 team for level 2", () => {
    expect(levelReached(levels, 1798, [2, 9])?.position).toBe(1)
    expect(levelReached(levels, 1798, [3, 8])?.position).toBe(1)
    expect(levelReached(levels, 1798, [3, 9])?.dividend_points).toBe(7192)
  })

  it("a×b×c: 3×9×27, 9×27×27 and 27×81×200 count every depth", () => {
    expect(levelReached(levels, 3596, [3, 9, 26])?.position).toBe(2)
    expect(levelReached(levels, 3596, [3, 9, 27])?.dividend_points).toBe(14384)
    expect(levelReached(levels, 7192, [9, 27, 27])?.dividend_points).toBe(28768)
    expect(levelReached(levels, 7192, [8, 27, 27])?.position).toBe(3)
    expect(levelReached(levels, 14384, [27, 81, 200])?.dividend_points).toBe(57536)
    expect(levelReached(levels, 14384, [27, 81, 199])?.position).toBe(4)
  })

  it("says what is missing for the next level", () => {
    const reached = levelReached(levels, 1000, [1, 4])
    const next = nextLevel(levels, reached)!
    expect(next.position).toBe(2)
    expect(missingFor(next, 1000, [1, 4])).toEqual({
      consumption: "798",
      team: [
        { depth: 1, required: 3, active: 1, missing: 2 },
        { depth: 2, required: 9, active: 4, missing: 5 },
      ],
      met: false,
    })
    expect(missingFor(levels[0], "0.5", []).consumption).toBe("898.5")
    expect(nextLevel(levels, levels[4])).toBeNull()
  })
})

describe("monthly award postings", () => {
  it("level 1 then an upgrade to level 2 tops up 3,596 to 7,192", () => {
    expect(planAward([], 3596)).toEqual({ top_up: 3596, reversals: [], net: 3596 })
    expect(planAward([{ amount: 3596, reversed: 0 }], 7192)).toEqual({ top_up: 3596, reversals: [], net: 7192 })
    expect(planAward([{ amount: 3596, reversed: 0 }], 3596).top_up).toBe(0)
  })

  it("a refund below a level reverses the excess, newest first; reversals only grow", () => {
    const rows = [{ amount: 3596, reversed: 0 }, { amount: 3596, reversed: 0 }]
    expect(planAward(rows, 3596).reversals).toEqual([{ index: 1, reversed_to: 3596 }])
    expect(planAward(rows, 0).reversals).toEqual([{ index: 1, reversed_to: 3596 }, { index: 0, reversed_to: 3596 }])
    // back up after a full reversal: a new top-up row, nothing un-reversed
    expect(planAward([{ amount: 3596, reversed: 3596 }], 3596)).toEqual({ top_up: 3596, reversals: [], net: 3596 })
  })
})

describe("dividend pool (SPEC §3.3)", () => {
  it("10,000.00 over 3,001 / 5,000 / 7,777 points sums to exactly 10,000.00", () => {
    const shares = poolShares(1_000_000n, [
      { customer_id: "cus_a", points: 3001 },
      { customer_id: "cus_b", points: 5000 },
      { customer_id: "cus_c", points: 7777 },
    ], 3000)
    // in cents: 190201.546…, 316896.945…, 492901.508… → floors sum to 999,998; the two largest
    // remainders (.945, .546) get the two cents left
    expect(shares.map((s) => fromMinor(s.share))).toEqual(["1902.02", "3168.97", "4929.01"])
    expect(shares.reduce((s, x) => s + x.share, 0n)).toBe(1_000_000n)
  })

  it("only holders with more than the threshold share", () => {
    const shares = poolShares(100n, [{ customer_id: "a", points: 3000 }, { customer_id: "b", points: 3001 }], 3000)
    expect(shares).toEqual([{ customer_id: "b", points: 3001n, share: 100n }])
  })

  it("a tie in the remainder goes to the smaller customer id", () => {
    const shares = poolShares(1n, [{ customer_id: "b", points: 4000 }, { customer_id: "a", points: 4000 }], 3000)
    expect(shares.map((s) => [s.customer_id, s.share])).toEqual([["a", 1n], ["b", 0n]])
  })

  it("pool = fixed amount or a rate of the month's paid GMV", () => {
    expect(poolMinor({ pool_mode: "fixed", pool_amount: "10000", pool_rate: 0 }, "999")).toBe(1_000_000n)
    expect(poolMinor({ pool_mode: "gmv_rate", pool_amount: 0, pool_rate: "0.03" }, "12345.67")).toBe(37037n)
  })
})

describe("classic tiered rebate (SPEC §3.4)", () => {
  const tiers = [{ min_spend: 1000, rate: "0.02" }, { min_spend: 5000, rate: "0.05" }]
  it("is retroactive on the whole period's spend, not marginal", () => {
    expect(tieredRebateMinor(tiers, 99_999n)).toBe(0n)
    expect(tieredRebateMinor(tiers, 100_000n)).toBe(2_000n) // 2 % of 1,000
    expect(tieredRebateMinor(tiers, 600_000n)).toBe(30_000n) // 5 % of all 6,000, not 2 % of 5,000 + 5 % of 1,000
  })
  it("a refund that drops below a tier lowers the rebate", () => {
    expect(tieredRebateMinor(tiers, 450_000n)).toBe(9_000n)
  })
})

describe("months in the store time zone", () => {
  it("Asia/Shanghai: 2026-01-31T16:30Z is already February", () => {
    expect(localMonth(new Date("2026-01-31T16:30:00Z"), "Asia/Shanghai")).toBe("2026-02")
    expect(localMonth(new Date("2026-01-31T15:59:59Z"), "Asia/Shanghai")).toBe("2026-01")
    const { from, to } = monthBounds("2026-02", "Asia/Shanghai")
    expect([from.toISOString(), to.toISOString()]).toEqual(["2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"])
  })
  it("the 30th closes, the last day in shorter months", () => {
    expect(closeDayOf("2026-01", 30)).toBe(30)
    expect(closeDayOf("2026-02", 30)).toBe(28)
    expect(closeDayOf("2028-02", 30)).toBe(29)
  })
})

import { monthsDueAt } from "./close-due"

describe("month close schedule (SPEC §3.3)", () => {
  const tz = "Asia/Shanghai"
  it("closes the month from 23:00 local on the 30th, and February on the 28th", () => {
    expect(monthsDueAt(new Date("2026-04-30T14:50:00Z"), tz, 30).map((d) => d.month)).toEqual(["2026-03"]) // 22:50 local
    expect(monthsDueAt(new Date("2026-04-30T15:50:00Z"), tz, 30)).toEqual([
      { month: "2026-03", catch_up: true },
      { month: "2026-04", catch_up: false },
    ])
    expect(monthsDueAt(new Date("2026-02-28T15:50:00Z"), tz, 30).map((d) => d.month)).toEqual(["2026-01", "2026-02"])
    expect(monthsDueAt(new Date("2026-03-31T03:00:00Z"), tz, 30).map((d) => d.month)).toEqual(["2026-02", "2026-03"])
  })
})

describe("team award reversal (SPEC §3.2, §0.4)", () => {
  const { teamAwardAfterReversal, pointsForAward } = require("./team-award-reversal")
  it("a consumed 350 award reversed by 140 gives 140 points back; the rest reversed, all 350", () => {
    const consumed = { amount: "350", points: 350, held_amount: "0", status: "consumed" }
    expect(teamAwardAfterReversal(consumed, "140")).toEqual({ kind: "return_points", reversed_amount: "140", points_returned: 140 })
    expect(teamAwardAfterReversal(consumed, "350")).toMatchObject({ points_returned: 350 })
    // more reversed than the award (cannot happen; capped)
    expect(teamAwardAfterReversal(consumed, "999")).toMatchObject({ points_returned: 350, reversed_amount: "350" })
  })
  it("cents: what is left consumes ceil of it, so 0.01 left keeps 1 point", () => {
    expect(pointsForAward("0.01")).toBe(1)
    expect(teamAwardAfterReversal({ amount: "120.50", points: 121, held_amount: "0", status: "released" }, "120.49")).toMatchObject({ points_returned: 120 })
  })
  it("a frozen award owes fewer points and its hold never covers more than is left; in full it is over", () => {
    const frozen = { amount: "350", points: 350, held_amount: "300", status: "frozen" }
    // 150 left: hold 300 → 150 (a reduction of 150), 150 points due
    expect(teamAwardAfterReversal(frozen, "200")).toEqual({ kind: "shrink", reversed_amount: "200", points: 150, hold_reduction: "150", status: "frozen" })
    // 320 left: the hold (300) is already below it
    expect(teamAwardAfterReversal(frozen, "30")).toMatchObject({ points: 320, hold_reduction: "0", status: "frozen" })
    expect(teamAwardAfterReversal(frozen, "350")).toMatchObject({ points: 0, hold_reduction: "300", status: "reversed" })
  })
  it("a reversed award changes no more", () => {
    expect(teamAwardAfterReversal({ amount: "350", points: 0, held_amount: "300", status: "reversed" }, "350")).toEqual({ kind: "none" })
  })
})
