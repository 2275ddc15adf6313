import {
  generateReferralCode,
  isReferralCode,
  normalizeReferralCode,
  REFERRAL_CODE_ALPHABET,
  referralShareLink,
} from "./code"

describe("referral codes (SPEC §2.1)", () => {
  it("uses an unambiguous upper-case alphabet: no 0/O, 1/I/L", () => {
    for (const ch of "0O1IL") expect(REFERRAL_CODE_ALPHABET).not.toContain(ch)
    expect(REFERRAL_CODE_ALPHABET).toBe(REFERRAL_CODE_ALPHABET.toUpperCase())
    expect(new Set(REFERRAL_CODE_ALPHABET).size).toBe(REFERRAL_CODE_ALPHABET.length)
  })

  it("generates short codes of the alphabet (default 7 chars) that validate", () => {
    const codes = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = generateReferralCode()
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/)
      expect(isReferralCode(code)).toBe(true)
      codes.add(code)
    }
    expect(codes.size).toBeGreaterThan(1990) // 31^7 codes: collisions are rare (and retried on insert)
    expect(generateReferralCode(6)).toHaveLength(6)
    expect(generateReferralCode(8)).toHaveLength(8)
    expect(() => generateReferralCode(5)).toThrow()
    expect(() => generateReferralCode(9)).toThrow()
  })

  it("is deterministic given the random source", () => {
    expect(generateReferralCode(6, () => 0)).toBe("222222")
    expect(generateReferralCode(6, (n) => n - 1)).toBe("ZZZZZZ")
  })

  it("normalizes case and whitespace; rejects ambiguous characters, wrong lengths and non-strings", () => {
    expect(normalizeReferralCode(" ab3cd9x ")).toBe("AB3CD9X")
    expect(normalizeReferralCode("abcdef")).toBe("ABCDEF")
    expect(normalizeReferralCode("ABC0EF")).toBeNull()
    expect(normalizeReferralCode("ABCOEF")).toBeNull()
    expect(normalizeReferralCode("ABC1EF")).toBeNull()
    expect(normalizeReferralCode("abcief")).toBeNull()
    expect(normalizeReferralCode("abclef")).toBeNull()
    expect(normalizeReferralCode("ABCDE")).toBeNull()
    expect(normalizeReferralCode("ABCDEFGHJ")).toBeNull()
    expect(normalizeReferralCode("AB-CDEF")).toBeNull()
    expect(normalizeReferralCode(123456)).toBeNull()
    expect(normalizeReferralCode(undefined)).toBeNull()
  })

  it("builds the share link from a base URL", () => {
    expect(referralShareLink("https://shop.example.com/", "AB3CD9X")).toBe("https://shop.example.com/?ref=AB3CD9X")
    expect(referralShareLink("http://localhost:8000", "AB3CD9X")).toBe("http://localhost:8000/?ref=AB3CD9X")
  })
})
