import { chainLinkProblem, chainProblem, createSeedChain, hashTimes, MAX_CHAIN_LENGTH } from "./chain"
import { commitmentOf } from "./seed"

const TIP = "a".repeat(64)

describe("fair-draw seed chains", () => {
  it("each round's seed is the preimage of the previous one's, and the head commits to round 0", () => {
    const { head, seeds } = createSeedChain(5, TIP)
    expect(seeds).toHaveLength(5)
    expect(seeds[4]).toBe(TIP)
    for (let r = 1; r < 5; r++) expect(commitmentOf(seeds[r])).toBe(seeds[r - 1])
    expect(commitmentOf(seeds[0])).toBe(head)
    // values from `printf %s <hex> | sha256sum`, applied in turn
    expect(seeds[3]).toBe("ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    expect(createSeedChain(3, TIP).head).toBe("2815168813ea1559e477c2f57d48168627d6369474e26a553d28ec4697e4c5f4")
    expect(new Set(seeds).size).toBe(5)
  })

  it("every round verifies against the head alone: sha256^(r+1)(seed_r) = head", () => {
    const { head, seeds } = createSeedChain(40)
    const chain = { head, length: 40 }
    seeds.forEach((seed, r) => {
      expect(hashTimes(seed, r + 1)).toBe(head)
      expect(chainLinkProblem(seed, r, chain)).toBeNull()
    })
  })

  it("rejects a seed at the wrong round, a foreign seed and rounds outside the chain", () => {
    const { head, seeds } = createSeedChain(4, TIP)
    const chain = { head, length: 4 }
    expect(chainLinkProblem(seeds[2], 1, chain)).toMatch(/^seed is not round 1 of the chain: sha256\^2\(seed\) = [0-9a-f]{64}, chain head = /)
    expect(chainLinkProblem("b".repeat(64), 0, chain)).toMatch(/seed is not round 0 of the chain/)
    expect(chainLinkProblem(seeds[3], 4, chain)).toBe("round 4 is outside the chain (rounds 0..3)")
    expect(chainLinkProblem(seeds[0], -1, chain)).toMatch(/outside the chain/)
    // a chain of another length with the same head is not the same chain for round 3
    expect(chainLinkProblem(seeds[3], 3, { head, length: 3 })).toMatch(/outside the chain/)
  })

  it("fresh chains are random; lengths are bounded", () => {
    expect(createSeedChain(2).head).not.toBe(createSeedChain(2).head)
    expect(createSeedChain(1).seeds).toHaveLength(1)
    expect(() => createSeedChain(0)).toThrow(RangeError)
    expect(() => createSeedChain(MAX_CHAIN_LENGTH + 1)).toThrow(/1\.\.100000/)
    expect(() => createSeedChain(1.5)).toThrow(RangeError)
  })

  it("describes malformed chain fields", () => {
    const head = createSeedChain(2).head
    expect(chainProblem({ head, length: 2 })).toBeNull()
    expect(chainProblem({ head: head.toUpperCase(), length: 2 })).toBeNull()
    expect(chainProblem(null)).toMatch(/must be an object/)
    expect(chainProblem({ head: "zz", length: 2 })).toMatch(/chain.head "zz" is not a SHA-256 hex digest/)
    expect(chainProblem({ head, length: 0 })).toMatch(/chain.length must be an integer in 1..100000, got 0/)
    expect(chainProblem({ head, length: 2, tip: "x" })).toMatch(/unknown field\(s\) tip/)
  })
})
