import { topUpLineProblem } from "./top-up-line"

const customer = { customer_id: "cus_1", customer: { id: "cus_1", has_account: true } }
const topUp = (over: Record<string, unknown> = {}) => ({
  id: "cali_1",
  variant_id: null,
  product_id: null,
  quantity: 1,
  unit_price: 50,
  metadata: { fission_wallet_top_up: "50" },
  adjustments: [],
  ...over,
})
const product = { id: "cali_2", variant_id: "variant_1", product_id: "prod_1", quantity: 2, unit_price: 99, metadata: {} }

describe("topUpLineProblem", () => {
  it("accepts a sound top-up line next to normal lines, and carts without top-ups", () => {
    expect(topUpLineProblem({ ...customer, items: [product, topUp()] })).toBeNull()
    expect(topUpLineProblem({ ...customer, items: [topUp({ unit_price: "50.00", metadata: { fission_wallet_top_up: "50.0" } })] })).toBeNull()
    expect(topUpLineProblem({ customer_id: null, items: [product] })).toBeNull()
  })

  it("refuses top-up metadata added to a product line", () => {
    const tampered = { ...product, metadata: { fission_wallet_top_up: "500" } }
    expect(topUpLineProblem({ ...customer, items: [tampered] })).toMatch(/product line carrying wallet top-up metadata/)
  })

  it("refuses an amount that does not match the price, a changed quantity and a discount", () => {
    expect(topUpLineProblem({ ...customer, items: [topUp({ metadata: { fission_wallet_top_up: "5000" } })] })).toMatch(
      /costs 50 but credits 5000/
    )
    expect(topUpLineProblem({ ...customer, items: [topUp({ metadata: { fission_wallet_top_up: "abc" } })] })).toMatch(/no valid amount/)
    expect(topUpLineProblem({ ...customer, items: [topUp({ quantity: 3 })] })).toMatch(/quantity 1/)
    expect(topUpLineProblem({ ...customer, items: [topUp({ adjustments: [{ amount: 5 }] })] })).toMatch(/discounted/)
  })

  it("refuses a top-up in a guest cart", () => {
    expect(topUpLineProblem({ customer_id: "cus_guest", customer: { id: "cus_guest", has_account: false }, items: [topUp()] })).toMatch(
      /guest cart/
    )
    expect(topUpLineProblem({ customer_id: null, items: [topUp()] })).toMatch(/guest cart/)
  })
})
