import { canonicalMessage, DrawInputError, messageDigest } from "./canonical-message"
import { createSeedChain } from "./chain"
import { pickDraw, positionDraw, runDraw, splitDraw, weightedDraw } from "./draws"
import { commitmentOf } from "./seed"
import { DrawParticipant } from "./types"

const V1 = { version: "fission-draw/v1" } as const

const SEED_A = "a".repeat(64)
const SEED_B = "b".repeat(64)

const TEN: DrawParticipant[] = Array.from({ length: 10 }, (_, i) => ({
  id: `p${i}`,
  client_seed: i === 3 ? "lucky" : "",
}))

function chiSquare(counts: number[], expected: number[]): number {
  return counts.reduce((acc, c, i) => acc + (c - expected[i]) ** 2 / expected[i], 0)
}

describe("fair-draw draws: fission-draw/v1 regression vectors (old records keep verifying)", () => {
  // Cross-checked against an independent Python implementation of the documented algorithm.
  it("pick", () => {
    expect(pickDraw(SEED_A, { campaign_id: "camp_1", round: 1, participants: TEN, params: { k: 3 } }, V1)).toEqual({
      winners: ["p7", "p8", "p0"],
      winner_indexes: [7, 8, 0],
    })
    expect(
      runDraw("pick", SEED_B, {
        campaign_id: "ünï",
        round: 3,
        participants: [
          { id: "a", client_seed: 'é🎉"\\\n\u0001' },
          { id: "b" },
          { id: "c", client_seed: null },
          { id: "d", client_seed: "x" },
        ],
        params: { k: 4 },
      }, V1)
    ).toEqual({ winners: ["d", "b", "c", "a"], winner_indexes: [3, 1, 2, 0] })
  })

  it("position", () => {
    expect(positionDraw(SEED_A, { campaign_id: "box_1", round: 0, params: { min: 7, max: 24 } }, V1)).toEqual({
      position: 12,
    })
    // range > 2^32 uses 48-bit words
    expect(
      runDraw("position", SEED_B, { campaign_id: "big", round: 2, params: { min: -5, max: 100000000000000 } }, V1)
    ).toEqual({ position: 3154141422198 })
  })

  it("split", () => {
    expect(
      splitDraw(SEED_A, { campaign_id: "env_1", round: 0, participants: TEN.slice(0, 3), params: { total: 1000 } }, V1)
    ).toEqual({ shares: [176, 686, 138] })
    expect(
      runDraw("split", SEED_B, { campaign_id: "env_2", round: 7, params: { total: 5000, n: 12, min_share: 50 } }, V1)
    ).toEqual({ shares: [360, 71, 209, 579, 595, 157, 397, 261, 407, 769, 884, 311] })
  })

  it("weighted", () => {
    expect(weightedDraw(SEED_A, { campaign_id: "w_1", round: 0, params: { weights: [1, 0, 5, 10] } }, V1)).toEqual({
      index: 3,
    })
  })

  it("is deterministic and depends on every public input", () => {
    const inputs = { campaign_id: "camp_1", round: 1, participants: TEN, params: { k: 3 } }
    const base = JSON.stringify(pickDraw(SEED_A, inputs))
    expect(JSON.stringify(pickDraw(SEED_A, inputs))).toBe(base)
    const variants = [
      { ...inputs, round: 2 },
      { ...inputs, campaign_id: "camp_2" },
      { ...inputs, participants: TEN.map((p, i) => (i === 5 ? { ...p, client_seed: "z" } : p)) },
    ]
    for (const v of variants) expect(JSON.stringify(pickDraw(SEED_A, v))).not.toBe(base)
    expect(JSON.stringify(pickDraw(SEED_B, inputs))).not.toBe(base)
  })
})

describe("fair-draw draws: fission-draw/v2 regression vectors", () => {
  // Computed by an independent Python implementation of the algorithm in index.ts.
  it("pick binds the commitment into the message and reports the digest", () => {
    const inputs = { campaign_id: "camp_1", round: 1, participants: TEN, params: { k: 3 } }
    const outcome = pickDraw(SEED_A, inputs)
    expect(outcome).toEqual({
      winners: ["p8", "p6", "p7"],
      winner_indexes: [8, 6, 7],
      digest: "abbaca6cd5bbe29173c65644408075a821200e98032e5a3011c40ff86a6895e4",
    })
    expect(outcome.digest).toBe(messageDigest(canonicalMessage("pick", inputs, { commitment: commitmentOf(SEED_A) })))
    expect(
      runDraw("pick", SEED_B, {
        campaign_id: "ünï",
        round: 3,
        participants: [
          { id: "a", client_seed: 'é🎉"\\\n\u0001' },
          { id: "b" },
          { id: "c", client_seed: null },
          { id: "d", client_seed: "x" },
        ],
        params: { k: 4 },
      })
    ).toEqual({
      winners: ["a", "b", "d", "c"],
      winner_indexes: [0, 1, 3, 2],
      digest: "175b215f93db48b7b39a84f8c465f59a5fb328b97a83830a48912516dd134c7c",
    })
  })

  it("position, split, weighted", () => {
    expect(positionDraw(SEED_A, { campaign_id: "box_1", round: 0, params: { min: 7, max: 24 } })).toEqual({
      position: 12,
      digest: "6b83deed2c93256be408c6db0221065ab3aa7d4517a4ce598d2d4981acba0d94",
    })
    expect(runDraw("position", SEED_B, { campaign_id: "big", round: 2, params: { min: -5, max: 100000000000000 } })).toEqual({
      position: 42592113495166,
      digest: "7a53f18451ca6a38c9da013afa04d71d13638e725c5c8145a213425a22bee64b",
    })
    expect(splitDraw(SEED_A, { campaign_id: "env_1", round: 0, participants: TEN.slice(0, 3), params: { total: 1000 } })).toEqual({
      shares: [423, 209, 368],
      digest: "4db7c7ea104dae666413473715a1f88c7bfae2b0908c039f8c00d945de23ba50",
    })
    expect(runDraw("split", SEED_B, { campaign_id: "env_2", round: 7, params: { total: 5000, n: 12, min_share: 50 } })).toEqual({
      shares: [587, 178, 338, 94, 1027, 102, 306, 910, 784, 96, 508, 70],
      digest: "53602e3995edce2edad3dfa9113f712bfcfb797e4940e5820a11eb17dad7e62f",
    })
    expect(weightedDraw(SEED_A, { campaign_id: "w_1", round: 0, params: { weights: [1, 0, 5, 10] } })).toEqual({
      index: 3,
      digest: "e1bc2b3338780653a3f6c5dd5fe91cdf5aa5ce76031cc18ace07158d33a1666b",
    })
  })

  it("a round of a seed chain binds the chain", () => {
    const { head, seeds } = createSeedChain(3, SEED_A)
    expect(head).toBe("2815168813ea1559e477c2f57d48168627d6369474e26a553d28ec4697e4c5f4")
    const inputs = { campaign_id: "pre_1", round: 1, participants: TEN.slice(0, 5), params: { k: 1 } }
    const chained = pickDraw(seeds[1], inputs, { chain: { head, length: 3 } })
    expect(chained).toEqual({
      winners: ["p2"],
      winner_indexes: [2],
      digest: "816d5fb297f6536c1614b37083d338ddcba0aa579665e1a082ecb93206ecdf39",
    })
    // the same seed and inputs outside the chain are another message
    expect(pickDraw(seeds[1], inputs).digest).not.toBe(chained.digest)
    expect(() => pickDraw(seeds[1], { ...inputs, round: 3 }, { chain: { head, length: 3 } })).toThrow(/outside the chain/)
    expect(() => pickDraw(seeds[1], inputs, { ...V1, chain: { head, length: 3 } })).toThrow(/seed chains need fission-draw\/v2/)
  })
})

describe("fair-draw draws: distribution", () => {
  it("pick: each participant wins about K/N of the rounds", () => {
    const n = 10
    const k = 3
    const rounds = 3000
    const wins = new Array(n).fill(0)
    for (let round = 0; round < rounds; round++) {
      const { winner_indexes, winners } = pickDraw(SEED_A, {
        campaign_id: "freq",
        round,
        participants: TEN,
        params: { k },
      })
      expect(new Set(winner_indexes).size).toBe(k)
      winner_indexes.forEach((idx, i) => {
        expect(winners[i]).toBe(TEN[idx].id)
        wins[idx]++
      })
    }
    const expected = (rounds * k) / n // 900
    for (const w of wins) {
      expect(Math.abs(w - expected)).toBeLessThan(expected * 0.1)
    }
    expect(chiSquare(wins, new Array(n).fill(expected))).toBeLessThan(27.877) // df 9, p 0.001
  })

  it("split: uniform over all compositions (total 5 into 3 shares >= 1)", () => {
    // compositions of 5 into 3 positive parts: C(4, 2) = 6
    const counts = new Map<string, number>()
    const rounds = 6000
    for (let round = 0; round < rounds; round++) {
      const { shares } = splitDraw(SEED_B, { campaign_id: "env", round, params: { total: 5, n: 3 } })
      const key = shares.join(",")
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual(["1,1,3", "1,2,2", "1,3,1", "2,1,2", "2,2,1", "3,1,1"])
    expect(chiSquare([...counts.values()], new Array(6).fill(rounds / 6))).toBeLessThan(20.515) // df 5
  })

  it("weighted: frequencies follow the weights, zero weight never wins", () => {
    const weights = [1, 0, 5, 10]
    const counts = [0, 0, 0, 0]
    const rounds = 16000
    for (let round = 0; round < rounds; round++) {
      counts[weightedDraw(SEED_A, { campaign_id: "w", round, params: { weights } }).index]++
    }
    expect(counts[1]).toBe(0)
    const kept = [counts[0], counts[2], counts[3]]
    expect(chiSquare(kept, [1000, 5000, 10000])).toBeLessThan(13.816) // df 2
  })

  it("position stays inside [min, max] and hits both ends", () => {
    const seen = new Set<number>()
    for (let round = 0; round < 500; round++) {
      const { position } = positionDraw(SEED_A, { campaign_id: "box", round, params: { min: 7, max: 24 } })
      expect(position).toBeGreaterThanOrEqual(7)
      expect(position).toBeLessThanOrEqual(24)
      seen.add(position)
    }
    expect(seen.size).toBe(18)
  })
})

describe("fair-draw draws: split invariants and edge cases", () => {
  it("spec example: 1000 minor units among 3", () => {
    for (let round = 0; round < 200; round++) {
      const { shares } = splitDraw(SEED_A, {
        campaign_id: "red-envelope",
        round,
        participants: TEN.slice(0, 3),
        params: { total: 1000 },
      })
      expect(shares).toHaveLength(3)
      expect(shares.reduce((a, b) => a + b, 0)).toBe(1000)
      for (const s of shares) {
        expect(Number.isInteger(s)).toBe(true)
        expect(s).toBeGreaterThanOrEqual(1)
      }
    }
  })

  it("respects min_share and sums exactly for many sizes", () => {
    for (let round = 0; round < 100; round++) {
      const n = 1 + (round % 17)
      const total = n * 25 + round * 13
      const { shares } = splitDraw(SEED_B, { campaign_id: "m", round, params: { total, n, min_share: 25 } })
      expect(shares).toHaveLength(n)
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total)
      expect(Math.min(...shares)).toBeGreaterThanOrEqual(25)
    }
  })

  it("total == n * min_share gives every share the minimum", () => {
    expect(splitDraw(SEED_A, { campaign_id: "e", round: 0, params: { total: 10, n: 10 } }).shares).toEqual(new Array(10).fill(1))
    expect(splitDraw(SEED_A, { campaign_id: "e", round: 0, params: { total: 300, n: 3, min_share: 100 } }).shares).toEqual([100, 100, 100])
  })

  it("n = 1 gets everything; min_share 0 allows empty shares", () => {
    expect(splitDraw(SEED_A, { campaign_id: "e", round: 0, params: { total: 777, n: 1 } }).shares).toEqual([777])
    const { shares } = splitDraw(SEED_A, { campaign_id: "e", round: 0, params: { total: 0, n: 4, min_share: 0 } })
    expect(shares).toEqual([0, 0, 0, 0])
  })

  it("handles large totals without allocating per unit", () => {
    const { shares } = splitDraw(SEED_A, { campaign_id: "big", round: 0, params: { total: 1e12, n: 5 } })
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1e12)
  })
})

describe("fair-draw draws: bad inputs", () => {
  const base = { campaign_id: "c", round: 0, participants: TEN.slice(0, 3) }
  const cases: [string, () => unknown, RegExp][] = [
    ["k > n", () => pickDraw(SEED_A, { ...base, params: { k: 4 } }), /params.k \(4\) must be <= number of participants \(3\)/],
    ["k = 0", () => pickDraw(SEED_A, { ...base, params: { k: 0 } }), /params.k must be >= 1/],
    ["n = 0", () => pickDraw(SEED_A, { ...base, participants: [], params: { k: 1 } }), /at least one participant/],
    ["non-integer k", () => pickDraw(SEED_A, { ...base, params: { k: 1.5 } }), /params.k must be a safe integer/],
    ["string k", () => pickDraw(SEED_A, { ...base, params: { k: "2" as unknown as number } }), /safe integer/],
    ["min > max", () => positionDraw(SEED_A, { ...base, params: { min: 5, max: 4 } }), /min \(5\) must be <= params.max/],
    ["unsafe max", () => positionDraw(SEED_A, { ...base, params: { min: 0, max: 2 ** 53 } }), /safe integer/],
    ["total too small", () => splitDraw(SEED_A, { ...base, params: { total: 2 } }), /params.total \(2\) is too small: 3 shares of at least 1 need 3/],
    ["split n = 0", () => splitDraw(SEED_A, { ...base, participants: [], params: { total: 5 } }), /split needs params.n/],
    ["split n mismatch", () => splitDraw(SEED_A, { ...base, params: { total: 5, n: 2 } }), /must equal the number of participants/],
    ["unsafe total", () => splitDraw(SEED_A, { ...base, params: { total: 2 ** 60 } }), /safe integer/],
    ["negative weight", () => weightedDraw(SEED_A, { ...base, participants: [], params: { weights: [1, -1] } }), /weights\[1\] must be >= 0/],
    ["zero weights", () => weightedDraw(SEED_A, { ...base, participants: [], params: { weights: [0, 0] } }), /must be > 0/],
    ["weights mismatch", () => weightedDraw(SEED_A, { ...base, params: { weights: [1] } }), /1 entries but there are 3 participants/],
    ["empty seed", () => pickDraw("", { ...base, params: { k: 1 } }), /seed must be a non-empty string/],
    ["unknown kind", () => runDraw("dice" as "pick", SEED_A, { ...base, params: { k: 1 } }), /unknown draw kind/],
  ]
  it.each(cases)("%s", (_name, fn, error) => {
    expect(fn).toThrow(error)
  })

  it("throws DrawInputError for invalid inputs", () => {
    expect(() => pickDraw(SEED_A, { ...base, params: { k: 9 } })).toThrow(DrawInputError)
  })
})
