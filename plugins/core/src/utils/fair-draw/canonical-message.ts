import { createHash } from "crypto"
import { chainProblem } from "./chain"
import { stableStringify } from "./canonical-json"
import {
  CanonicalDrawInputs,
  CanonicalParamsByKind,
  DRAW_KINDS,
  DRAW_VERSION,
  DRAW_VERSIONS,
  DrawInputs,
  DrawKind,
  DrawOptions,
  LEGACY_DRAW_VERSION,
} from "./types"

/** What the message binds besides the inputs: v2 needs the draw's commitment. */
export interface MessageContext extends DrawOptions {
  /** sha256 hex of the seed (required by fission-draw/v2). */
  commitment?: string
}

/** Thrown for malformed draw inputs (bad k, n = 0, total too small, ...). */
export class DrawInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "DrawInputError"
  }
}

const MAX_RANGE = 2 ** 48

function fail(message: string): never {
  throw new DrawInputError(message)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], what: string): void {
  const unknown = Object.keys(obj).filter((key) => !allowed.includes(key))
  if (unknown.length) {
    fail(`${what}: unknown field(s) ${unknown.join(", ")} (allowed: ${allowed.join(", ")})`)
  }
}

function int(value: unknown, name: string, min?: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    fail(`${name} must be a safe integer, got ${JSON.stringify(value)}`)
  }
  if (min !== undefined && value < min) {
    fail(`${name} must be >= ${min}, got ${value}`)
  }
  return value
}

export function assertDrawKind(kind: unknown): asserts kind is DrawKind {
  if (!(DRAW_KINDS as readonly unknown[]).includes(kind)) {
    fail(`unknown draw kind ${JSON.stringify(kind)} (expected one of ${DRAW_KINDS.join(", ")})`)
  }
}

function normalizeParams(
  kind: DrawKind,
  raw: unknown,
  participantCount: number
): CanonicalParamsByKind[DrawKind] {
  if (!isPlainObject(raw)) {
    fail("inputs.params must be an object")
  }
  switch (kind) {
    case "pick": {
      checkKeys(raw, ["k"], "params")
      const n = participantCount
      if (n < 1) fail("pick needs at least one participant (n = 0)")
      const k = int(raw.k, "params.k", 1)
      if (k > n) fail(`params.k (${k}) must be <= number of participants (${n})`)
      return { k, n }
    }
    case "position": {
      checkKeys(raw, ["min", "max"], "params")
      const min = int(raw.min, "params.min")
      const max = int(raw.max, "params.max")
      if (min > max) fail(`params.min (${min}) must be <= params.max (${max})`)
      if (max - min + 1 > MAX_RANGE) fail(`position range ${min}..${max} is larger than 2^48`)
      return { min, max }
    }
    case "split": {
      checkKeys(raw, ["total", "n", "min_share"], "params")
      const total = int(raw.total, "params.total", 0)
      const minShare = raw.min_share == null ? 1 : int(raw.min_share, "params.min_share", 0)
      let n: number
      if (raw.n == null) {
        n = participantCount
        if (n < 1) fail("split needs params.n or at least one participant (n = 0)")
      } else {
        n = int(raw.n, "params.n", 1)
        if (participantCount > 0 && n !== participantCount) {
          fail(`params.n (${n}) must equal the number of participants (${participantCount})`)
        }
      }
      const floor = n * minShare
      if (!Number.isSafeInteger(floor)) fail("params.n * params.min_share is not a safe integer")
      if (total < floor) {
        fail(`params.total (${total}) is too small: ${n} shares of at least ${minShare} need ${floor}`)
      }
      if (total - floor + n - 1 > MAX_RANGE) fail("split is too large (more than 2^48 slots)")
      return { total, n, min_share: minShare }
    }
    case "weighted": {
      checkKeys(raw, ["weights"], "params")
      if (!Array.isArray(raw.weights) || raw.weights.length === 0) {
        fail("params.weights must be a non-empty array")
      }
      const weights = raw.weights.map((w, i) => int(w, `params.weights[${i}]`, 0))
      if (participantCount > 0 && weights.length !== participantCount) {
        fail(`params.weights has ${weights.length} entries but there are ${participantCount} participants`)
      }
      const sum = weights.reduce((a, b) => a + b, 0)
      if (!Number.isSafeInteger(sum) || sum > MAX_RANGE) fail("sum of params.weights must be <= 2^48")
      if (sum === 0) fail("sum of params.weights must be > 0")
      return { weights }
    }
  }
}

/**
 * Validate untrusted inputs and build the canonical object (defaults filled
 * in, client_seed null/missing -> "", unknown fields rejected). For v2 (the
 * default) the commitment and the chain, if any, are part of it.
 * Throws {@link DrawInputError}.
 */
export function normalizeInputs<K extends DrawKind>(
  kind: K,
  inputs: DrawInputs<K> | unknown,
  context: MessageContext = {}
): CanonicalDrawInputs<K> {
  assertDrawKind(kind)
  const version = context.version ?? DRAW_VERSION
  if (!(DRAW_VERSIONS as readonly string[]).includes(version)) {
    fail(`unsupported version ${JSON.stringify(version)} (expected one of ${DRAW_VERSIONS.join(", ")})`)
  }
  const bound: Pick<CanonicalDrawInputs, "commitment" | "chain"> = {}
  if (version === LEGACY_DRAW_VERSION) {
    if (context.chain) fail(`seed chains need ${DRAW_VERSION}`)
  } else {
    if (typeof context.commitment !== "string" || !/^[0-9a-f]{64}$/i.test(context.commitment)) {
      fail(`${version} binds the commitment: a SHA-256 hex digest is required, got ${JSON.stringify(context.commitment)}`)
    }
    bound.commitment = context.commitment.toLowerCase()
    if (context.chain != null) {
      const problem = chainProblem(context.chain)
      if (problem) fail(problem)
      bound.chain = { head: context.chain.head.toLowerCase(), length: context.chain.length }
    }
  }
  if (!isPlainObject(inputs)) fail("inputs must be an object")
  checkKeys(inputs, ["campaign_id", "round", "participants", "params"], "inputs")
  if (typeof inputs.campaign_id !== "string" || inputs.campaign_id.length === 0) {
    fail("inputs.campaign_id must be a non-empty string")
  }
  const round = int(inputs.round, "inputs.round", 0)
  const rawParticipants = inputs.participants == null ? [] : inputs.participants
  if (!Array.isArray(rawParticipants)) fail("inputs.participants must be an array")
  const seen = new Set<string>()
  const participants = rawParticipants.map((p: unknown, i: number) => {
    if (!isPlainObject(p)) fail(`participants[${i}] must be an object`)
    checkKeys(p, ["id", "client_seed"], `participants[${i}]`)
    if (typeof p.id !== "string" || p.id.length === 0) {
      fail(`participants[${i}].id must be a non-empty string`)
    }
    if (seen.has(p.id)) fail(`duplicate participant id ${JSON.stringify(p.id)}`)
    seen.add(p.id)
    const clientSeed = p.client_seed == null ? "" : p.client_seed
    if (typeof clientSeed !== "string") fail(`participants[${i}].client_seed must be a string`)
    return { id: p.id, client_seed: clientSeed }
  })
  const params = normalizeParams(kind, inputs.params, participants.length)
  if (bound.chain && round >= bound.chain.length) {
    fail(`inputs.round (${round}) is outside the chain (rounds 0..${bound.chain.length - 1})`)
  }
  return {
    version,
    kind,
    ...bound,
    campaign_id: inputs.campaign_id,
    round,
    participants,
    params: params as CanonicalParamsByKind[K],
  }
}

/**
 * The HMAC message of a draw: canonical JSON (see `stableStringify`) of
 * `normalizeInputs(kind, inputs, context)`, e.g. (v2)
 * `{"campaign_id":"c","commitment":"9f86…","kind":"pick","params":{"k":1,"n":2},"participants":[{"client_seed":"","id":"a"},{"client_seed":"x","id":"b"}],"round":0,"version":"fission-draw/v2"}`
 */
export function canonicalMessage<K extends DrawKind>(
  kind: K,
  inputs: DrawInputs<K> | unknown,
  context: MessageContext = {}
): string {
  return stableStringify(normalizeInputs(kind, inputs, context))
}

/** The digest of a message: lowercase hex SHA-256 of its UTF-8 bytes. */
export function messageDigest(message: string): string {
  return createHash("sha256").update(message, "utf8").digest("hex")
}
