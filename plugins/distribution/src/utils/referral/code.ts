import { randomInt } from "node:crypto"

/**
 * Referral codes (SPEC §2.1): short, unambiguous, case-insensitive.
 * The alphabet leaves out 0/O, 1/I/L (and lowercase) so a code read aloud or
 * typed from a poster cannot be mistaken; codes are stored and looked up in upper case.
 */
export const REFERRAL_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
export const REFERRAL_CODE_MIN_LENGTH = 6
export const REFERRAL_CODE_MAX_LENGTH = 8
/** 31^7 ≈ 2.75e10 codes: collisions stay rare at a million promoters, and are retried. */
export const REFERRAL_CODE_LENGTH = 7

const CODE_PATTERN = new RegExp(
  `^[${REFERRAL_CODE_ALPHABET}]{${REFERRAL_CODE_MIN_LENGTH},${REFERRAL_CODE_MAX_LENGTH}}$`
)

/** A new random code; `random(n)` returns an integer in [0, n) (crypto by default). */
export function generateReferralCode(
  length: number = REFERRAL_CODE_LENGTH,
  random: (n: number) => number = (n) => randomInt(n)
): string {
  if (!Number.isInteger(length) || length < REFERRAL_CODE_MIN_LENGTH || length > REFERRAL_CODE_MAX_LENGTH) {
    throw new Error(`referral code length must be ${REFERRAL_CODE_MIN_LENGTH}..${REFERRAL_CODE_MAX_LENGTH}`)
  }
  let code = ""
  for (let i = 0; i < length; i++) code += REFERRAL_CODE_ALPHABET[random(REFERRAL_CODE_ALPHABET.length)]
  return code
}

/**
 * The canonical (upper-case, trimmed) form of a code a person typed, or null
 * when it cannot be a referral code. Lower case is accepted; ambiguous
 * characters (0, O, 1, I, L) never occur in a code, so they make it invalid.
 */
export function normalizeReferralCode(input: unknown): string | null {
  if (typeof input !== "string") return null
  const code = input.trim().toUpperCase()
  return CODE_PATTERN.test(code) ? code : null
}

export const isReferralCode = (input: unknown): boolean => normalizeReferralCode(input) !== null

/** `${base}/?ref=CODE`, base without trailing slashes. */
export function referralShareLink(base: string, code: string): string {
  return `${base.replace(/\/+$/, "")}/?ref=${encodeURIComponent(code)}`
}
