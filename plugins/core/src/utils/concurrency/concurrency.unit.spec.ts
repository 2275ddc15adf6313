import { forEachConcurrently, Limiter } from "./index"

const tick = () => new Promise((r) => setTimeout(r, 1))

describe("forEachConcurrently", () => {
  it("visits every item once with at most `limit` in flight", async () => {
    let inFlight = 0
    let peak = 0
    const seen: number[] = []
    await forEachConcurrently([...Array(20).keys()], 4, async (i) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await tick()
      seen.push(i)
      inFlight--
    })
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()])
    expect(peak).toBe(4)
  })

  it("attempts every item after a failure, then throws the first failure", async () => {
    const seen: number[] = []
    const run = forEachConcurrently([1, 2, 3, 4, 5], 2, async (i) => {
      await tick()
      seen.push(i)
      if (i === 2) throw new Error("refund 2 failed")
    })
    await expect(run).rejects.toThrow("refund 2 failed")
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5])
  })

  it("does nothing for no items", async () => {
    await expect(forEachConcurrently([], 8, async () => {})).resolves.toBeUndefined()
  })
})

describe("Limiter", () => {
  it("never runs more than `limit` jobs at once, across callers, and runs them all", async () => {
    const limiter = new Limiter(3)
    let peak = 0
    const done: number[] = []
    await Promise.all(
      [...Array(12).keys()].map((i) =>
        limiter.run(async () => {
          peak = Math.max(peak, limiter.active)
          await tick()
          done.push(i)
        })
      )
    )
    expect(peak).toBe(3)
    expect(done.sort((a, b) => a - b)).toEqual([...Array(12).keys()])
    expect(limiter.active).toBe(0)
  })

  it("frees the slot when a job throws", async () => {
    const limiter = new Limiter(1)
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    await expect(limiter.run(async () => 7)).resolves.toBe(7)
  })
})
