import { commitmentOf, generateSeed } from "./seed"
import type { DrawChain } from "./types"

/**
 * Longest chain accepted: committing hashes `length` times and every verification of
 * round r hashes r + 1 times, so this keeps both well under a second.
 */
export const MAX_CHAIN_LENGTH = 100_000

const HEX_SHA256 = /^[0-9a-f]{64}$/

/** Why `chain` is not a usable chain description, or null. */
export function chainProblem(chain: unknown): string | null {
  if (typeof chain !== "object" || chain === null || Array.isArray(chain)) return "chain must be an object { head, length }"
  const { head, length } = chain as Record<string, unknown>
  const extra = Object.keys(chain).filter((k) => k !== "head" && k !== "length")
  if (extra.length) return `chain: unknown field(s) ${extra.join(", ")} (allowed: head, length)`
  if (typeof head !== "string" || !HEX_SHA256.test(head.toLowerCase())) return `chain.head ${JSON.stringify(head)} is not a SHA-256 hex digest`
  if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 1 || length > MAX_CHAIN_LENGTH) {
    return `chain.length must be an integer in 1..${MAX_CHAIN_LENGTH}, got ${JSON.stringify(length)}`
  }
  return null
}

/**
 * A fresh seed chain for `length` rounds (SPEC §0.5, for draws that happen one after
 * another, e.g. pre-sale free orders): a random tip s_{length-1}, then
 * s_{r-1} = sha256(s_r) down to s_0, and head = sha256(s_0). Publish `head` once when
 * the campaign starts; round r uses seed `seeds[r]`, whose commitment sha256(s_r) is
 * s_{r-1} (head for r = 0). Revealing s_r after round r lets anyone check it against the
 * head, while s_{r+1} stays unpredictable (it is a preimage of s_r).
 */
export function createSeedChain(length: number, tip: string = generateSeed()): { head: string; seeds: string[] } {
  if (!Number.isSafeInteger(length) || length < 1 || length > MAX_CHAIN_LENGTH) {
    throw new RangeError(`chain length must be an integer in 1..${MAX_CHAIN_LENGTH}, got ${length}`)
  }
  const seeds = new Array<string>(length)
  seeds[length - 1] = tip
  for (let r = length - 1; r > 0; r--) seeds[r - 1] = commitmentOf(seeds[r])
  return { head: commitmentOf(seeds[0]), seeds }
}

/** sha256 applied `times` times to `seed` (each time to the previous lowercase hex string). */
export function hashTimes(seed: string, times: number): string {
  let value = seed
  for (let i = 0; i < times; i++) value = commitmentOf(value)
  return value
}

/**
 * Why `seed` is not round `round` of `chain` (sha256^(round+1)(seed) must equal the
 * head, and round must be inside the chain), or null when it is.
 */
export function chainLinkProblem(seed: string, round: number, chain: DrawChain): string | null {
  if (!Number.isSafeInteger(round) || round < 0 || round >= chain.length) {
    return `round ${round} is outside the chain (rounds 0..${chain.length - 1})`
  }
  const reached = hashTimes(seed, round + 1)
  if (reached !== chain.head.toLowerCase()) {
    return `seed is not round ${round} of the chain: sha256^${round + 1}(seed) = ${reached}, chain head = ${chain.head.toLowerCase()}`
  }
  return null
}
