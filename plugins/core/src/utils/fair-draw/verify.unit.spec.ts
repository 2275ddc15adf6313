import { runDraw } from "./draws"
import { commitmentOf, generateSeed } from "./seed"
import { DrawInputs, DrawKind, FairDrawRecord } from "./types"
import { verifyDraw } from "./verify"

const SEED = "a".repeat(64)
const PARTICIPANTS = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, client_seed: `cs${i}` }))

function record<K extends DrawKind>(kind: K, inputs: DrawInputs<K>, seed = SEED): FairDrawRecord<K> {
  return {
    id: "fdraw_1",
    version: "fission-draw/v1",
    kind,
    commitment: commitmentOf(seed),
    seed,
    inputs,
    outcome: runDraw(kind, seed, inputs),
    drawn_at: "2024-01-01T00:00:00.000Z",
  }
}

const pickRecord = () =>
  record("pick", { campaign_id: "camp_1", round: 1, participants: PARTICIPANTS, params: { k: 3 } })

/** JSON round trip, as a verifier receives it from the public endpoint. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value))

describe("fair-draw verifyDraw", () => {
  it("accepts honest records of every kind", () => {
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
      expect(result.canonical_message).toContain('"version":"fission-draw/v1"')
    }
  })

  it("accepts the pinned regression record and an upper-case commitment", () => {
    const r = pickRecord()
    expect(r.outcome).toEqual({ winners: ["p8", "p0", "p6"], winner_indexes: [8, 0, 6] })
    expect(verifyDraw({ ...r, commitment: r.commitment.toUpperCase() }).valid).toBe(true)
  })

  it("ignores key order in the recorded outcome", () => {
    const r = pickRecord()
    const reordered = { winner_indexes: r.outcome!.winner_indexes, winners: r.outcome!.winners }
    expect(verifyDraw({ ...r, outcome: reordered }).valid).toBe(true)
  })

  it("detects a changed participant order", () => {
    const r = viaJson(pickRecord())
    r.inputs.participants = [...r.inputs.participants!].reverse()
    const result = verifyDraw(r)
    expect(result.valid).toBe(false)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^outcome mismatch: recorded .* recomputed /)
  })

  it("detects a changed client seed", () => {
    const r = viaJson(pickRecord())
    r.inputs.participants![4].client_seed = "tampered"
    expect(verifyDraw(r).valid).toBe(false)
    expect(verifyDraw(r).errors[0]).toMatch(/outcome mismatch/)
  })

  it("detects a changed round / campaign", () => {
    expect(verifyDraw({ ...pickRecord(), inputs: { ...pickRecord().inputs, round: 2 } }).valid).toBe(false)
    expect(verifyDraw({ ...pickRecord(), inputs: { ...pickRecord().inputs, campaign_id: "x" } }).valid).toBe(false)
  })

  it("detects a changed outcome", () => {
    const r = viaJson(pickRecord())
    r.outcome = { winners: ["p0", "p1", "p2"], winner_indexes: [0, 1, 2] }
    expect(verifyDraw(r).valid).toBe(false)
    const extra = viaJson(pickRecord()) as unknown as Record<string, any>
    extra.outcome.bonus = true
    expect(verifyDraw(extra).valid).toBe(false)
  })

  it("detects a swapped seed (with its own matching commitment)", () => {
    const other = "c".repeat(64)
    const r = { ...pickRecord(), seed: other, commitment: commitmentOf(other) }
    const result = verifyDraw(r)
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([expect.stringMatching(/^outcome mismatch/)])
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
    const result = verifyDraw({ ...pickRecord(), seed: null, outcome: null })
    expect(result.valid).toBe(false)
    expect(result.recomputed).toBeNull()
    expect(result.errors).toEqual([
      "seed not revealed yet: the draw cannot be verified until the seed is published",
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
