import { shoppingFundOf } from "./money"

describe("group-draw money", () => {
  it("computes the winner shopping fund rounded down", () => {
    expect(shoppingFundOf(9900n, "0.1")).toBe(990n)
    expect(shoppingFundOf(2990n, "0.333333")).toBe(996n)
  })
})
