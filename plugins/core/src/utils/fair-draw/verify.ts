import { canonicalMessage, messageDigest } from "./canonical-message"
import { stableStringify } from "./canonical-json"
import { chainLinkProblem, chainProblem } from "./chain"
import { runDraw } from "./draws"
import { commitmentOf } from "./seed"
import { DRAW_KINDS, DRAW_VERSIONS, DrawChain, DrawKind, DrawVersion, LEGACY_DRAW_VERSION } from "./types"

export interface VerifyResult {
  /**
   * True iff the seed is revealed and matches the commitment (and the chain head, for a
   * chained draw), the inputs are valid, the outcome's digest is the digest of these
   * inputs (v2), and the outcome recomputes exactly.
   */
  valid: boolean
  /** Human-readable reasons when invalid (empty when valid). */
  errors: string[]
  /** Outcome recomputed from seed + inputs, or null if it could not be computed. */
  recomputed: unknown
  /** The exact HMAC message (canonical inputs), or null if the inputs are invalid. */
  canonical_message: string | null
  /** sha256 of the canonical message (v2), or null (v1, or invalid inputs). */
  digest: string | null
}

export interface VerifyOptions {
  /**
   * The digest a participant was told with their result (notification, group page):
   * the record must carry exactly this one. Guards against a record whose inputs and
   * outcome were both rewritten after the draw, which no record can reveal on its own.
   */
  expected_digest?: string | null
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
export function verifyDraw(record: unknown, options: VerifyOptions = {}): VerifyResult {
  const errors: string[] = []
  let recomputed: unknown = null
  let message: string | null = null
  let digest: string | null = null

  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { valid: false, errors: ["record must be a JSON object"], recomputed, canonical_message: null, digest }
  }
  const r = record as Record<string, unknown>

  const versionOk = (DRAW_VERSIONS as readonly unknown[]).includes(r.version)
  if (!versionOk) {
    errors.push(`unsupported version ${describe(r.version)} (expected one of ${DRAW_VERSIONS.map((v) => `"${v}"`).join(", ")})`)
  }
  const version = r.version as DrawVersion
  const legacy = version === LEGACY_DRAW_VERSION
  const kindOk = (DRAW_KINDS as readonly unknown[]).includes(r.kind)
  if (!kindOk) {
    errors.push(`unknown draw kind ${describe(r.kind)} (expected one of ${DRAW_KINDS.join(", ")})`)
  }

  const commitment = typeof r.commitment === "string" ? r.commitment.toLowerCase() : null
  const commitmentOk = commitment !== null && HEX_SHA256.test(commitment)
  if (!commitmentOk) {
    errors.push(`commitment ${describe(r.commitment)} is not a SHA-256 hex digest`)
  }

  let chain: DrawChain | null = null
  if (r.chain != null) {
    const problem = chainProblem(r.chain)
    if (problem) errors.push(problem)
    else if (legacy) errors.push(`seed chains need a fission-draw/v2 record, this one says ${describe(r.version)}`)
    else chain = r.chain as DrawChain
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

  // The public endpoint repeats source_id and round next to the inputs: they must agree.
  const hasInputs = typeof r.inputs === "object" && r.inputs !== null
  const inputs = (hasInputs ? r.inputs : {}) as Record<string, unknown>
  if (hasInputs && r.round !== undefined && r.round !== inputs.round) {
    errors.push(`round ${describe(r.round)} of the record differs from inputs.round ${describe(inputs.round)}`)
  }
  if (hasInputs && r.source_id !== undefined && r.source_id !== inputs.campaign_id) {
    errors.push(`source_id ${describe(r.source_id)} of the record differs from inputs.campaign_id ${describe(inputs.campaign_id)}`)
  }
  if (chain && seedUsable && typeof inputs.round === "number") {
    const problem = chainLinkProblem(seed as string, inputs.round, chain)
    if (problem) errors.push(problem)
  }

  if (kindOk && versionOk && (legacy || commitmentOk)) {
    const kind = r.kind as DrawKind
    const context = { version, commitment: commitment ?? undefined, chain }
    try {
      message = canonicalMessage(kind, r.inputs, context)
      digest = legacy ? null : messageDigest(message)
    } catch (e) {
      errors.push(`invalid inputs: ${(e as Error).message}`)
    }
    if (message !== null && seedUsable) {
      try {
        recomputed = runDraw(kind, seed as string, r.inputs, { version, chain })
      } catch (e) {
        errors.push(`draw failed: ${(e as Error).message}`)
      }
    }
  }

  const outcome = r.outcome as Record<string, unknown> | null | undefined
  if (outcome === null || outcome === undefined) {
    errors.push("outcome not recorded")
  } else {
    if (digest !== null) {
      // Checked on its own, before the outcome: it is what says the inputs were changed.
      if (typeof outcome !== "object" || typeof outcome.digest !== "string") {
        errors.push("outcome has no digest: a fission-draw/v2 outcome records the digest of its inputs")
      } else if (outcome.digest.toLowerCase() !== digest) {
        errors.push(
          `inputs digest mismatch: the outcome was fixed for inputs with digest ${outcome.digest}, ` +
            `the record's inputs have digest ${digest} (inputs, commitment or chain changed after the draw)`
        )
      }
    }
    if (recomputed !== null) {
      const stored = describe(outcome)
      const actual = stableStringify(recomputed)
      if (stored !== actual) {
        errors.push(`outcome mismatch: recorded ${stored}, recomputed ${actual}`)
      }
    }
  }

  const expected = options.expected_digest
  if (expected !== undefined && expected !== null) {
    const recorded = outcome && typeof outcome === "object" ? outcome.digest : undefined
    if (typeof recorded !== "string" || recorded.toLowerCase() !== expected.toLowerCase()) {
      errors.push(`digest ${describe(recorded ?? null)} of the record is not the digest you were given (${expected})`)
    }
  }

  return { valid: errors.length === 0, errors, recomputed, canonical_message: message, digest }
}
