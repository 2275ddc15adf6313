import { canonicalMessage, messageDigest } from "./canonical-message"
import { createSeedChain } from "./chain"
import { runDraw } from "./draws"
import { commitmentOf, generateSeed } from "./seed"
import { DrawChain, DrawInputs, DrawKind, FairDrawRecord } from "./types"
import { verifyDraw } from "./verify"

const SEED = "a".repeat(64)
const PARTICIPANTS = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, client_seed: `cs${i}` }))

/** A record as the public endpoint serves it (v2 unless told otherwise). */
function record<K extends DrawKind>(
  kind: K,
  inputs: DrawInputs<K>,
  seed = SEED,
  { version = "fission-draw/v2", chain = null }: { version?: "fission-draw/v1" | "fission-draw/v2"; chain?: DrawChain | null } = {}
): FairDrawRecord<K> & Record<string, any> {
  return {
    id: "draw_1",
    version,
    kind,
    commitment: commitmentOf(seed),
    chain,
    seed,
    inputs,
    outcome: runDraw(kind, seed, inputs, { version, chain }),
    source_id: inputs.campaign_id,
    round: inputs.round,
    drawn_at: "2024-01-01T00:00:00.000Z",
  }
}

/** JSON round trip, as a verifier receives it from the public endpoint. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value))

const pickRecord = () => viaJson(record("pick", { campaign_id: "camp_1", round: 1, participants: PARTICIPANTS, params: { k: 3 } }))

/** The 1-of-4 pick of defect 9: the record names only the winner, the losers are just inputs. */
const oneOfFour = (seed: string) =>
  viaJson(
    record(
      "pick",
      { campaign_id: "grp_9", round: 0, participants: ["m1", "m2", "m3", "m4"].map((id, i) => ({ id, client_seed: `s${i}` })), params: { k: 1 } },
      seed
    )
  )

const DIGEST_MISMATCH = /^inputs digest mismatch: the outcome was fixed for inputs with digest [0-9a-f]{64}, the record's inputs have digest [0-9a-f]{64}/

describe("fair-draw verifyDraw (fission-draw/v2)", () => {
  it("accepts honest records of every kind and reports the digest of their inputs", () => {
    const seed = generateSeed()
    const records = [
      pickRecord(),
      record("position", { campaign_id: "box", round: 0, params: { min: 7, max: 24 } }, seed),
      record("split", { campaign_id: "env", round: 0, participants: PARTICIPANTS.slice(0, 3), params: { total: 1000 } }),
      record("weighted", { campaign_id: "w", round: 4, params: { weights: [3, 1, 0, 2] } }, seed),
    ]
    for (const r of records) {
      const result = verifyDraw(viaJson(r))
      expect(result.errors).toEqual([])
      expect(result.valid).toBe(true)
      expect(result.recomputed).toEqual(r.outcome)
      expect(result.canonical_message).toContain('"version":"fission-draw/v2"')
      expect(result.digest).toBe(messageDigest(result.canonical_message!))
      expect((r.outcome as any).digest).toBe(result.digest)
    }
  })

  it("accepts the pinned regression record, an upper-case commitment and any key order", () => {
    const r = pickRecord()
    // computed independently (Python reference of the algorithm in index.ts)
    expect(r.outcome).toEqual({
      winners: ["p3", "p0", "p2"],
      winner_indexes: [3, 0, 2],
      digest: "112e89ec75a5206acf0a85677c4ce2c053981ab86f371be6846adb1228cb7842",
    })
    expect((r.outcome as any).digest).toBe(messageDigest(canonicalMessage("pick", r.inputs, { commitment: r.commitment })))
    expect(verifyDraw({ ...r, commitment: r.commitment.toUpperCase() }).valid).toBe(true)
    const { winners, winner_indexes, digest } = r.outcome as any
    expect(verifyDraw({ ...r, outcome: { digest, winner_indexes, winners } }).valid).toBe(true)
  })

  describe("a record altered after the draw is INVALID whatever the luck", () => {
    // Each alteration, applied to 200 different 1-of-4 draws: changing a loser leaves the
    // winner unchanged in about a quarter of them (which v1 accepted); v2 refuses all.
    const SEEDS = Array.from({ length: 200 }, (_, i) => commitmentOf(`seed-${i}`))
    const alterations: [string, (r: any) => void][] = [
      ["a loser's participant id", (r) => (r.inputs.participants[r.outcome.winner_indexes[0] === 3 ? 0 : 3].id = "m9")],
      ["a loser's client seed", (r) => (r.inputs.participants[r.outcome.winner_indexes[0] === 1 ? 2 : 1].client_seed = "other")],
      ["the order of the participants", (r) => r.inputs.participants.reverse()],
      ["a participant added", (r) => r.inputs.participants.push({ id: "m5", client_seed: "" })],
      ["a param (k)", (r) => (r.inputs.params.k = 2)],
      ["the round (inputs and record)", (r) => ((r.inputs.round = 1), (r.round = 1))],
      ["the campaign id (inputs and record)", (r) => ((r.inputs.campaign_id = "grp_other"), (r.source_id = "grp_other"))],
    ]
    it.each(alterations)("%s", (_name, alter) => {
      let sameWinner = 0
      for (const seed of SEEDS) {
        const r = oneOfFour(seed)
        alter(r)
        const result = verifyDraw(r)
        expect(result.valid).toBe(false)
        expect(result.errors).toContainEqual(expect.stringMatching(DIGEST_MISMATCH))
        const recomputed = result.recomputed as any
        if (recomputed && recomputed.winners[0] === (r.outcome as any).winners[0]) sameWinner++
      }
      // The luck that defect 9 relied on is still there for the outcome alone…
      if (_name.startsWith("a loser")) expect(sameWinner).toBeGreaterThan(20)
    })

    it("the outcome (another winner, same digest)", () => {
      for (const seed of SEEDS.slice(0, 20)) {
        const r = oneOfFour(seed)
        const other = (r.outcome.winner_indexes[0] + 1) % 4
        r.outcome = { ...r.outcome, winners: [r.inputs.participants[other].id], winner_indexes: [other] }
        const result = verifyDraw(r)
        expect(result.valid).toBe(false)
        expect(result.errors).toEqual([expect.stringMatching(/^outcome mismatch: recorded .* recomputed /)])
      }
    })

    it("the digest itself, or an outcome without one", () => {
      const r = oneOfFour(SEEDS[0])
      const wrong = viaJson(r)
      wrong.outcome.digest = "0".repeat(64)
      expect(verifyDraw(wrong).errors).toContainEqual(expect.stringMatching(DIGEST_MISMATCH))
      const missing = viaJson(r)
      delete missing.outcome.digest
      expect(verifyDraw(missing).errors).toContain("outcome has no digest: a fission-draw/v2 outcome records the digest of its inputs")
    })

    it("the seed, even with a matching commitment (the commitment is part of the digest)", () => {
      for (const seed of SEEDS.slice(0, 40)) {
        const r = oneOfFour(seed)
        const other = commitmentOf(seed + "x")
        const swapped = { ...r, seed: other, commitment: commitmentOf(other) }
        const result = verifyDraw(swapped)
        expect(result.valid).toBe(false)
        expect(result.errors).toContainEqual(expect.stringMatching(DIGEST_MISMATCH))
        // only the seed: the commitment check says so
        expect(verifyDraw({ ...r, seed: other }).errors[0]).toMatch(/^seed does not match commitment/)
      }
    })

    it("the top-level round or source id alone", () => {
      const r = oneOfFour(SEEDS[0])
      expect(verifyDraw({ ...r, round: 5 }).errors).toEqual(["round 5 of the record differs from inputs.round 0"])
      expect(verifyDraw({ ...r, source_id: "x" }).errors).toEqual(['source_id "x" of the record differs from inputs.campaign_id "grp_9"'])
    })

    it("unchanged records are VALID", () => {
      for (const seed of SEEDS) expect(verifyDraw(oneOfFour(seed)).errors).toEqual([])
    })
  })

  it("checks the digest a participant was told", () => {
    const r = oneOfFour(SEED)
    const told = (r.outcome as any).digest
    expect(verifyDraw(r, { expected_digest: told }).valid).toBe(true)
    expect(verifyDraw(r, { expected_digest: told.toUpperCase() }).valid).toBe(true)
    // a record rewritten consistently after the draw (new inputs, recomputed outcome and digest)
    const rewritten = record("pick", { ...r.inputs, participants: r.inputs.participants!.map((p, i) => (i === 3 ? { ...p, id: "m9" } : p)) }, SEED)
    expect(verifyDraw(rewritten).valid).toBe(true) // nothing in the record alone can tell…
    const result = verifyDraw(rewritten, { expected_digest: told })
    expect(result.valid).toBe(false) // …but the digest told with the result can
    expect(result.errors).toEqual([`digest "${(rewritten.outcome as any).digest}" of the record is not the digest you were given (${told})`])
  })

  it("a v2 record relabelled v1 fails; one rewritten as a whole v1 record is caught by the digest told", () => {
    const r = oneOfFour(SEED)
    expect(verifyDraw({ ...r, version: "fission-draw/v1" }).errors).toEqual([expect.stringMatching(/^outcome mismatch/)])
    // With the revealed seed anyone can compute a v1 record of other inputs; alone it verifies…
    const downgraded = record("pick", { ...r.inputs, participants: [...r.inputs.participants!].reverse() }, SEED, { version: "fission-draw/v1" })
    expect(verifyDraw(downgraded).valid).toBe(true)
    // …so a v2 participant checks the digest they were told.
    expect(verifyDraw(downgraded, { expected_digest: (r.outcome as any).digest }).errors).toEqual([
      `digest null of the record is not the digest you were given (${(r.outcome as any).digest})`,
    ])
  })

  it("rejects a seed that does not match the commitment with a clear error", () => {
    const r = { ...pickRecord(), seed: "b".repeat(64) }
    const result = verifyDraw(r)
    expect(result.valid).toBe(false)
    expect(result.errors[0]).toBe(
      `seed does not match commitment: sha256(seed) = ${commitmentOf("b".repeat(64))}, published commitment = ${commitmentOf(SEED)}`
    )
  })

  it("reports a pending draw (seed not revealed)", () => {
    const result = verifyDraw({ ...pickRecord(), seed: null, inputs: null, outcome: null })
    expect(result.valid).toBe(false)
    expect(result.recomputed).toBeNull()
    expect(result.errors).toEqual([
      "seed not revealed yet: the draw cannot be verified until the seed is published",
      expect.stringMatching(/^invalid inputs: inputs must be an object/),
      "outcome not recorded",
    ])
  })

  it("reports bad version, kind, commitment, inputs without throwing", () => {
    expect(verifyDraw(null).errors).toEqual(["record must be a JSON object"])
    expect(verifyDraw({ ...pickRecord(), version: "v0" }).errors[0]).toMatch(/unsupported version "v0"/)
    expect(verifyDraw({ ...pickRecord(), kind: "dice" }).errors[0]).toMatch(/unknown draw kind "dice"/)
    expect(verifyDraw({ ...pickRecord(), commitment: "abc" }).errors[0]).toMatch(/not a SHA-256 hex digest/)
    const badInputs = verifyDraw({ ...pickRecord(), inputs: { ...pickRecord().inputs, params: { k: 11 } } })
    expect(badInputs.valid).toBe(false)
    expect(badInputs.errors).toEqual([expect.stringMatching(/^invalid inputs: params.k \(11\) must be <=/)])
    expect(verifyDraw({ ...pickRecord(), seed: 42 }).errors).toContain("seed must be a non-empty string")
  })
})

describe("fair-draw verifyDraw: seed chains", () => {
  const ROUNDS = 4
  const { head, seeds } = createSeedChain(ROUNDS)
  const chain = { head, length: ROUNDS }
  const round = (r: number, seed = seeds[r]) =>
    viaJson(record("pick", { campaign_id: "pre_1", round: r, participants: PARTICIPANTS.slice(0, 6 + r), params: { k: 1 } }, seed, { chain }))

  it("every round verifies on its own against the published head", () => {
    for (let r = 0; r < ROUNDS; r++) {
      const result = verifyDraw(round(r))
      expect(result.errors).toEqual([])
      expect(result.canonical_message).toContain(`"chain":{"head":"${head}","length":${ROUNDS}}`)
    }
    expect(round(0).commitment).toBe(head)
    expect(round(2).commitment).toBe(seeds[1]) // round r's commitment is round r-1's seed
  })

  it("rejects a seed from another place in the chain, another chain, or a changed chain", () => {
    // round 2's record with round 1's seed (and its matching commitment)
    const wrongPlace = round(2, seeds[1])
    expect(verifyDraw(wrongPlace).errors).toContainEqual(expect.stringMatching(/^seed is not round 2 of the chain: sha256\^3\(seed\)/))
    const foreign = createSeedChain(ROUNDS).seeds[1]
    expect(verifyDraw(round(1, foreign)).errors).toContainEqual(expect.stringMatching(/^seed is not round 1 of the chain/))
    const otherHead = { ...round(1), chain: { head: createSeedChain(2).head, length: ROUNDS } }
    expect(verifyDraw(otherHead).errors).toEqual([
      expect.stringMatching(/^seed is not round 1 of the chain/),
      expect.stringMatching(DIGEST_MISMATCH),
      expect.stringMatching(/^outcome mismatch/),
    ])
    const shorter = { ...round(3), chain: { head, length: 3 } }
    expect(verifyDraw(shorter).valid).toBe(false)
    const dropped = { ...round(1), chain: null }
    expect(verifyDraw(dropped).errors).toContainEqual(expect.stringMatching(DIGEST_MISMATCH))
  })

  it("v1 records cannot claim a chain", () => {
    const r = { ...round(0), version: "fission-draw/v1" }
    expect(verifyDraw(r).errors).toContain('seed chains need a fission-draw/v2 record, this one says "fission-draw/v1"')
  })
})

describe("fair-draw verifyDraw (fission-draw/v1 records)", () => {
  const v1 = () =>
    viaJson(record("pick", { campaign_id: "camp_1", round: 1, participants: PARTICIPANTS, params: { k: 3 } }, SEED, { version: "fission-draw/v1" }))

  it("still verifies records drawn before v2 (no digest)", () => {
    const r = v1()
    expect(r.outcome).toEqual({ winners: ["p8", "p0", "p6"], winner_indexes: [8, 0, 6] })
    const result = verifyDraw(r)
    expect(result.errors).toEqual([])
    expect(result.digest).toBeNull()
    expect(result.canonical_message).toContain('"version":"fission-draw/v1"')
  })

  it("detects changed inputs that change the outcome", () => {
    const r = v1()
    r.inputs.participants = [...r.inputs.participants!].reverse()
    expect(verifyDraw(r).errors).toEqual([expect.stringMatching(/^outcome mismatch/)])
  })
})
