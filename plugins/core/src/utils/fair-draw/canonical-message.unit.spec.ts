import { stableStringify } from "./canonical-json"
import { canonicalMessage, DrawInputError, messageDigest, normalizeInputs } from "./canonical-message"

const V1 = { version: "fission-draw/v1" } as const
const COMMITMENT = "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" // sha256("a" × 64)
const HEAD = "2815168813ea1559e477c2f57d48168627d6369474e26a553d28ec4697e4c5f4"

describe("fair-draw canonical message", () => {
  it("v2: binds version, kind and commitment; sorted keys, no whitespace, resolved params", () => {
    const message = canonicalMessage(
      "pick",
      { params: { k: 1 }, participants: [{ id: "a" }, { client_seed: "x", id: "b" }], round: 0, campaign_id: "camp_1" },
      { commitment: COMMITMENT.toUpperCase() }
    )
    // the example in index.ts, computed independently (Python json.dumps, sort_keys)
    expect(message).toBe(
      `{"campaign_id":"camp_1","commitment":"${COMMITMENT}","kind":"pick","params":{"k":1,"n":2},"participants":[{"client_seed":"","id":"a"},{"client_seed":"x","id":"b"}],"round":0,"version":"fission-draw/v2"}`
    )
    expect(messageDigest(message)).toMatch(/^[0-9a-f]{64}$/)
  })

  it("v2: a chained draw binds the chain; the commitment is required", () => {
    const inputs = { campaign_id: "pre_1", round: 2, params: { min: 1, max: 9 } }
    expect(canonicalMessage("position", inputs, { commitment: COMMITMENT, chain: { head: HEAD, length: 3 } })).toBe(
      `{"campaign_id":"pre_1","chain":{"head":"${HEAD}","length":3},"commitment":"${COMMITMENT}","kind":"position","params":{"max":9,"min":1},"participants":[],"round":2,"version":"fission-draw/v2"}`
    )
    expect(() => canonicalMessage("position", inputs)).toThrow(/binds the commitment: a SHA-256 hex digest is required/)
    expect(() => canonicalMessage("position", inputs, { commitment: "abc" })).toThrow(DrawInputError)
    expect(() => canonicalMessage("position", inputs, { commitment: COMMITMENT, chain: { head: HEAD, length: 2 } })).toThrow(
      /inputs.round \(2\) is outside the chain \(rounds 0..1\)/
    )
    expect(() => canonicalMessage("position", inputs, { commitment: COMMITMENT, chain: { head: "x", length: 3 } })).toThrow(/chain.head/)
    expect(() => canonicalMessage("position", inputs, { version: "fission-draw/v9" as any, commitment: COMMITMENT })).toThrow(
      /unsupported version "fission-draw\/v9"/
    )
  })

  it("v1: the message of records drawn before v2 is unchanged", () => {
    const message = canonicalMessage(
      "pick",
      { params: { k: 1 }, participants: [{ id: "a" }, { client_seed: "x", id: "b" }], round: 0, campaign_id: "camp_1" },
      { ...V1, commitment: COMMITMENT }
    )
    expect(message).toBe(
      '{"campaign_id":"camp_1","kind":"pick","params":{"k":1,"n":2},"participants":[{"client_seed":"","id":"a"},{"client_seed":"x","id":"b"}],"round":0,"version":"fission-draw/v1"}'
    )
  })

  it("does not depend on the key order of the input JSON", () => {
    const a = JSON.parse('{"campaign_id":"c","round":2,"participants":[{"id":"p","client_seed":"s"}],"params":{"total":9,"min_share":2}}')
    const b = JSON.parse('{"params":{"min_share":2,"total":9},"participants":[{"client_seed":"s","id":"p"}],"round":2,"campaign_id":"c"}')
    expect(canonicalMessage("split", a, V1)).toBe(canonicalMessage("split", b, V1))
    expect(canonicalMessage("split", a, V1)).toBe(
      '{"campaign_id":"c","kind":"split","params":{"min_share":2,"n":1,"total":9},"participants":[{"client_seed":"s","id":"p"}],"round":2,"version":"fission-draw/v1"}'
    )
  })

  it("normalizes null / missing client seeds and participants", () => {
    expect(
      normalizeInputs("position", { campaign_id: "box", round: 1, params: { min: 7, max: 24 } }, V1)
    ).toEqual({
      version: "fission-draw/v1",
      kind: "position",
      campaign_id: "box",
      round: 1,
      participants: [],
      params: { min: 7, max: 24 },
    })
    expect(
      normalizeInputs("pick", {
        campaign_id: "c",
        round: 0,
        participants: [{ id: "a", client_seed: null }],
        params: { k: 1 },
      }, V1).participants
    ).toEqual([{ id: "a", client_seed: "" }])
  })

  it("escapes strings like JSON.stringify", () => {
    expect(stableStringify({ b: 'q"\\\n\u0001é', a: [1, -2, null, true] })).toBe(
      '{"a":[1,-2,null,true],"b":"q\\"\\\\\\n\\u0001é"}'
    )
    expect(() => stableStringify({ a: undefined })).toThrow(TypeError)
    expect(() => stableStringify(NaN)).toThrow(TypeError)
  })

  it("rejects malformed inputs", () => {
    const base = { campaign_id: "c", round: 0, participants: [{ id: "a" }, { id: "b" }], params: { k: 1 } }
    const bad: [string, unknown, RegExp][] = [
      ["kind", null, /inputs must be an object/],
      ["pick", { ...base, campaign_id: "" }, /campaign_id/],
      ["pick", { ...base, round: -1 }, /round must be >= 0/],
      ["pick", { ...base, round: 1.5 }, /round must be a safe integer/],
      ["pick", { ...base, extra: 1 }, /unknown field\(s\) extra/],
      ["pick", { ...base, participants: [{ id: "a" }, { id: "a" }] }, /duplicate participant id/],
      ["pick", { ...base, participants: [{ id: "a", name: "x" }] }, /participants\[0\]: unknown field/],
      ["pick", { ...base, participants: [{ id: "a", client_seed: 5 }] }, /client_seed must be a string/],
      ["pick", { ...base, participants: [{ id: "" }] }, /id must be a non-empty string/],
      ["pick", { ...base, params: { k: 1, n: 2 } }, /params: unknown field\(s\) n/],
      ["pick", { ...base, params: null }, /params must be an object/],
    ]
    for (const [kind, inputs, error] of bad) {
      expect(() => normalizeInputs(kind === "kind" ? "pick" : (kind as "pick"), inputs, { commitment: COMMITMENT })).toThrow(error)
    }
    expect(() => normalizeInputs("dice" as "pick", base)).toThrow(/unknown draw kind "dice"/)
    expect(() => normalizeInputs("pick", { ...base, round: -1 }, { commitment: COMMITMENT })).toThrow(DrawInputError)
  })
})
