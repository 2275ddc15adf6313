import { orderReversal, reversalTarget } from "./reversal"

const line = (id: string, quantity: number, paid: string | number, returned_quantity = 0) => ({ id, quantity, paid, returned_quantity })

describe("orderReversal (SPEC §0.4)", () => {
  it("2 × 1,288 + shipping 10, refund 1,288 → exactly one unit's fixed commission 130 / 60", () => {
    const r = orderReversal({ lines: [line("li_1", 2, "2576")], refunded: "1288" })
    // 130 per unit at level 1 and 60 at level 2, so the line earned 260 and 120
    expect(reversalTarget("260", r.lines.li_1, 2)).toBe("130")
    expect(reversalTarget("120", r.lines.li_1, 2)).toBe("60")
    expect(r.refunded_beyond_goods).toBe("0")
  })

  it("a 1,288 item earning 2,576 points, refund 322 → exactly 644 points", () => {
    const r = orderReversal({ lines: [line("li_1", 1, 1288)], refunded: 322 })
    expect(reversalTarget(2576, r.merchandise)).toBe("644")
    expect(reversalTarget(2576, r.lines.li_1)).toBe("644")
  })

  it("a full refund including shipping reverses everything, never more", () => {
    const r = orderReversal({ lines: [line("a", 2, 2576), line("b", 1, "99.9")], refunded: "2685.9" })
    expect(r.merchandise).toEqual({ numerator: "1", denominator: "1" })
    expect(r.lines.a).toEqual({ numerator: "1", denominator: "1" })
    expect(r.lines.b).toEqual({ numerator: "1", denominator: "1" })
    expect(r.refunded_beyond_goods).toBe("10")
    // refunding more than was ever paid still reverses at most everything
    expect(reversalTarget(777, orderReversal({ lines: [line("a", 1, 5)], refunded: 1e6 }).merchandise)).toBe("777")
  })

  it("return of one of two lines, then its refund → only that line's earnings", () => {
    const returned = orderReversal({ lines: [line("a", 1, 1288, 1), line("b", 1, 899)], refunded: 0 })
    expect(reversalTarget(130, returned.lines.a, 2)).toBe("130")
    expect(reversalTarget(90, returned.lines.b, 2)).toBe("0")
    // the refund that pays for the return does not reverse anything more
    const refunded = orderReversal({ lines: [line("a", 1, 1288, 1), line("b", 1, 899)], refunded: 1288 })
    expect(refunded.lines).toEqual(returned.lines)
    expect(refunded.merchandise).toEqual(returned.merchandise)
    expect(reversalTarget(2187, refunded.merchandise)).toBe("1288")
  })

  it("a goodwill refund with no return is proportional across lines", () => {
    const r = orderReversal({ lines: [line("a", 1, 300), line("b", 1, 100)], refunded: 100 })
    expect(reversalTarget(40, r.lines.a, 2)).toBe("10")
    expect(reversalTarget(40, r.lines.b, 2)).toBe("10")
    expect(reversalTarget(400, r.merchandise)).toBe("100")
  })

  it("a goodwill refund beyond a return reverses the kept goods in proportion", () => {
    // 3 units of 100: one returned and refunded (100), plus 50 goodwill on the two kept
    const r = orderReversal({ lines: [line("a", 3, 300, 1)], refunded: 150 })
    expect(reversalTarget(300, r.lines.a)).toBe("150")
    expect(r.returned).toBe("100")
    expect(r.refunded_goods).toBe("50")
  })

  it("is exact where decimals would not terminate: 1 of 3 units back takes exactly a third", () => {
    const r = orderReversal({ lines: [line("a", 3, 100, 1)], refunded: 0 })
    expect(reversalTarget(300, r.lines.a)).toBe("100")
    expect(reversalTarget("0.3", r.lines.a, 2)).toBe("0.1")
  })

  it("rounds down while anything is left and takes the rest at the end", () => {
    const half = orderReversal({ lines: [line("a", 2, 200)], refunded: 100 })
    expect(reversalTarget(899, half.merchandise)).toBe("449")
    const all = orderReversal({ lines: [line("a", 2, 200)], refunded: 200 })
    expect(reversalTarget(899, all.merchandise)).toBe("899")
  })

  it("a cancel reverses everything", () => {
    const r = orderReversal({ lines: [line("a", 2, 10), line("b", 1, 0)], refunded: 0, canceled: true })
    expect(reversalTarget(5, r.lines.a)).toBe("5")
    expect(reversalTarget(5, r.merchandise)).toBe("5")
  })

  it("nothing refunded or returned reverses nothing; free lines never divide by zero", () => {
    const r = orderReversal({ lines: [line("a", 1, 0), line("b", 1, 50)], refunded: 0 })
    expect(reversalTarget(10, r.lines.a)).toBe("0")
    expect(reversalTarget(10, r.lines.b)).toBe("0")
    expect(reversalTarget(10, orderReversal({ lines: [], refunded: 5 }).merchandise)).toBe("0")
  })

  it("is cumulative: the same state gives the same target whatever the order of events", () => {
    const a = orderReversal({ lines: [line("a", 2, 200, 1)], refunded: 150 })
    const b = orderReversal({ lines: [line("a", 2, 200, 1)], refunded: 150 })
    expect(a).toEqual(b)
  })
})
