import { canonicalMessage } from "./canonical-message"
import { stableStringify } from "./canonical-json"
import { runDraw } from "./draws"
import { commitmentOf } from "./seed"
import { DRAW_KINDS, DRAW_VERSION, DrawKind, DrawOutcome } from "./types"

export interface VerifyResult {
  /** True iff the seed is revealed, matches the commitment, and recomputes the recorded outcome. */
  valid: boolean
  /** Human-readable reasons when invalid (empty when valid). */
  errors: string[]
  /** Outcome recomputed from seed + inputs, or null if it could not be computed. */
  recomputed: DrawOutcome | null
  /** The exact HMAC message (canonical inputs), or null if the inputs are invalid. */
  canonical_message: string | null
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i

function describe(value: unknown): string {
  try {
    return stableStringify(value)
  } catch {
    return String(value)
  }
}

/**
 * Independently check a draw record (e.g. the JSON returned by the public
 * draw endpoint). Never throws: every problem is reported in `errors`.
 */
export function verifyDraw(record: unknown): VerifyResult {
  const errors: string[] = []
  let recomputed: DrawOutcome | null = null
  let message: string | null = null

  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { valid: false, errors: ["record must be a JSON object"], recomputed, canonical_message: null }
  }
  const r = record as Record<string, unknown>

  if (r.version !== DRAW_VERSION) {
    errors.push(`unsupported version ${describe(r.version)} (expected "${DRAW_VERSION}")`)
  }
  const kindOk = (DRAW_KINDS as readonly unknown[]).includes(r.kind)
  if (!kindOk) {
    errors.push(`unknown draw kind ${describe(r.kind)} (expected one of ${DRAW_KINDS.join(", ")})`)
  }

  const commitment = typeof r.commitment === "string" ? r.commitment.toLowerCase() : null
  if (commitment === null || !HEX_SHA256.test(commitment)) {
    errors.push(`commitment ${describe(r.commitment)} is not a SHA-256 hex digest`)
  }

  const seed = r.seed
  let seedUsable = false
  if (seed === null || seed === undefined) {
    errors.push("seed not revealed yet: the draw cannot be verified until the seed is published")
  } else if (typeof seed !== "string" || seed.length === 0) {
    errors.push("seed must be a non-empty string")
  } else {
    seedUsable = true
    const actual = commitmentOf(seed)
    if (commitment !== null && actual !== commitment) {
      errors.push(
        `seed does not match commitment: sha256(seed) = ${actual}, published commitment = ${commitment}`
      )
    }
  }

  if (kindOk) {
    const kind = r.kind as DrawKind
    try {
      message = canonicalMessage(kind, r.inputs)
    } catch (e) {
      errors.push(`invalid inputs: ${(e as Error).message}`)
    }
    if (message !== null && seedUsable) {
      try {
        recomputed = runDraw(kind, seed as string, r.inputs)
      } catch (e) {
        errors.push(`draw failed: ${(e as Error).message}`)
      }
    }
  }

  if (r.outcome === null || r.outcome === undefined) {
    errors.push("outcome not recorded")
  } else if (recomputed !== null) {
    const stored = describe(r.outcome)
    const actual = stableStringify(recomputed)
    if (stored !== actual) {
      errors.push(`outcome mismatch: recorded ${stored}, recomputed ${actual}`)
    }
  }

  return { valid: errors.length === 0, errors, recomputed, canonical_message: message }
}
