import { drawsEntered, freeRoundsAt, joinPrice, levelAt, nextFreeDrawAt, nextRebateThreshold, project, refundDue, refundOwed, tierPriceAt } from "./tier-price"

const yuan = (n: number) => BigInt(Math.round(n * 100))
// SPEC §5.3: base 100, step 5 per 200 participants, max 10 steps, free order every 25
const SEED = { base: yuan(100), step: yuan(5), interval: 200, max_steps: 10 }

describe("pre-sale tier price (SPEC §5.2, §5.3)", () => {
  it("joiners 1–200 pay 100, 201–400 pay 95, …, 1,801–2,000 pay 55", () => {
    expect(joinPrice(SEED, 0)).toBe(yuan(100))
    expect(joinPrice(SEED, 199)).toBe(yuan(100))
    expect(joinPrice(SEED, 200)).toBe(yuan(95))
    expect(joinPrice(SEED, 399)).toBe(yuan(95))
    expect(joinPrice(SEED, 1800)).toBe(yuan(55))
    expect(joinPrice(SEED, 1999)).toBe(yuan(55))
  })

  it("the final price at 2,000 participants is 50 and never drops below base − 10 steps", () => {
    expect(levelAt(SEED, 2000)).toBe(10)
    expect(tierPriceAt(SEED, 2000)).toBe(yuan(50))
    expect(tierPriceAt(SEED, 1_000_000)).toBe(yuan(50))
    expect(nextRebateThreshold(SEED, 2000)).toBeNull()
    expect(nextRebateThreshold(SEED, 1999)).toBe(2000)
    expect(nextRebateThreshold(SEED, 0)).toBe(200)
  })

  it("2,000 participants: 80 free orders, paid 155,000, revenue 96,000, refunded 59,000", () => {
    const p = project(SEED, 2000, 25)
    expect(p.free_orders).toBe(80)
    expect(p.paid).toBe(yuan(155_000))
    expect(p.revenue).toBe(yuan(96_000))
    expect(p.refunded).toBe(yuan(59_000))
    expect(p.price).toBe(yuan(50))
  })

  it("an early joiner who never wins: paid 100, refunded 10 × 5 = 50; a winner is refunded all", () => {
    expect(refundOwed(SEED, 2000, yuan(100), false)).toBe(yuan(50))
    expect(refundOwed(SEED, 2000, yuan(100), true)).toBe(yuan(100))
    // the last joiner paid 55 and gets one step back
    expect(refundOwed(SEED, 2000, yuan(55), false)).toBe(yuan(5))
    // mid-way: at 450 participants an early joiner is owed 2 steps
    expect(refundOwed(SEED, 450, yuan(100), false)).toBe(yuan(10))
    // a joiner who paid the current tier is owed nothing yet
    expect(refundOwed(SEED, 450, yuan(90), false)).toBe(0n)
  })

  it("the engine issues only the difference to what was already requested", () => {
    expect(refundDue(yuan(50), yuan(45))).toBe(yuan(5))
    expect(refundDue(yuan(50), yuan(50))).toBe(0n)
    expect(refundDue(yuan(45), yuan(50))).toBe(0n)
  })

  it("every participant's refunds sum to paid − net, whatever order the steps come in", () => {
    // replay the 2,000 joiners and sum what the engine would issue at each crossing
    let total = 0n
    const paid: bigint[] = []
    const requested: bigint[] = []
    for (let n = 1; n <= 2000; n++) {
      paid.push(joinPrice(SEED, n - 1))
      requested.push(0n)
      if (n % 200 === 0) {
        for (let i = 0; i < paid.length; i++) {
          const due = refundDue(refundOwed(SEED, n, paid[i], false), requested[i])
          requested[i] += due
          total += due
        }
      }
    }
    // without winners: 155,000 − 2,000 × 50
    expect(total).toBe(yuan(155_000) - 2000n * yuan(50))
    expect(requested[0]).toBe(yuan(50))
  })

  it("scaled HTTP numbers: base 100, step 5 per 4, max 10, free every 5, 40 joiners", () => {
    const rules = { base: yuan(100), step: yuan(5), interval: 4, max_steps: 10 }
    const p = project(rules, 40, 5)
    expect(p).toMatchObject({ price: yuan(50), free_orders: 8, paid: yuan(3100), revenue: yuan(1600), refunded: yuan(1500) })
  })

  it("free draws: one round per 25, earlier joiners are in more draws", () => {
    expect(freeRoundsAt(25, 2000)).toBe(80)
    expect(freeRoundsAt(25, 24)).toBe(0)
    expect(nextFreeDrawAt(25, 0, 80)).toBe(25)
    expect(nextFreeDrawAt(25, 1999, 80)).toBe(2000)
    expect(nextFreeDrawAt(25, 2000, 80)).toBeNull()
    expect(drawsEntered(25, 1, 2000)).toBe(80)
    expect(drawsEntered(25, 25, 2000)).toBe(80)
    expect(drawsEntered(25, 26, 2000)).toBe(79)
    expect(drawsEntered(25, 2000, 2000)).toBe(1)
    expect(drawsEntered(25, 10, 20)).toBe(0)
    expect(freeRoundsAt(null, 100)).toBe(0)
  })

  it("margin at a unit cost: revenue − count × cost", () => {
    expect(project(SEED, 2000, 25, yuan(30)).margin).toBe(yuan(96_000) - 2000n * yuan(30))
  })
})
