import { commitmentOf, generateSeed, SEED_BYTES } from "./seed"

describe("fair-draw seed", () => {
  it("generates 32 random bytes as 64 lowercase hex chars", () => {
    const a = generateSeed()
    const b = generateSeed()
    expect(SEED_BYTES).toBe(32)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(b).toMatch(/^[0-9a-f]{64}$/)
    expect(a).not.toBe(b)
  })

  it("commits with sha256 of the seed string (values from `printf %s ... | sha256sum`)", () => {
    expect(commitmentOf("a".repeat(64))).toBe(
      "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
    )
    expect(commitmentOf("hello")).toBe(
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    )
  })

  it("rejects empty / non-string seeds", () => {
    expect(() => commitmentOf("")).toThrow(/non-empty string/)
    expect(() => commitmentOf(undefined as unknown as string)).toThrow(/non-empty string/)
  })
})
