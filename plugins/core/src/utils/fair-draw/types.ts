/**
 * Version tag of the draw algorithm; part of every canonical message and record.
 * v2 (current) binds the commitment and the optional seed chain into the message and
 * stores `digest = sha256(message)` in the outcome. v1 records (no digest) still verify.
 */
export const DRAW_VERSION = "fission-draw/v2" as const
export const LEGACY_DRAW_VERSION = "fission-draw/v1" as const
export const DRAW_VERSIONS = [LEGACY_DRAW_VERSION, DRAW_VERSION] as const
export type DrawVersion = (typeof DRAW_VERSIONS)[number]

/**
 * A hash chain of seeds committed once for rounds 0..length-1 of one source (e.g. every
 * free-order draw of a pre-sale): round r's seed s_r satisfies sha256(s_r) = s_{r-1}
 * and sha256(s_0) = head, so sha256^(r+1)(s_r) = head. Revealing s_r proves it belongs
 * to the chain published at the start, and reveals nothing about s_{r+1}.
 */
export interface DrawChain {
  /** sha256 hex published when the chain is committed (= round 0's commitment). */
  head: string
  /** Number of rounds in the chain. */
  length: number
}

/** What, besides the seed and the inputs, a draw's message depends on. */
export interface DrawOptions {
  /** Default: the current DRAW_VERSION. */
  version?: DrawVersion
  /** The chain the draw's seed belongs to (v2 only). */
  chain?: DrawChain | null
}

export const DRAW_KINDS = ["pick", "position", "split", "weighted"] as const
export type DrawKind = (typeof DRAW_KINDS)[number]

/** One participant, in the (public, frozen) order used by the draw. */
export interface DrawParticipant {
  /** Stable public id (e.g. the participation / customer id). Unique within a draw. */
  id: string
  /** Optional seed contributed by the participant when joining. Missing/null = "". */
  client_seed?: string | null
}

/** Choose `k` distinct winners among the participants (n = participants.length). */
export interface PickParams {
  k: number
}
/** A uniform integer in [min, max] (inclusive). Participants optional. */
export interface PositionParams {
  min: number
  max: number
}
/**
 * Split `total` minor units into `n` integer shares, each >= `min_share`
 * (default 1). `n` defaults to participants.length; if both are given and
 * participants is non-empty they must agree.
 */
export interface SplitParams {
  total: number
  n?: number
  min_share?: number
}
/**
 * Pick one index with probability weights[i] / sum(weights). Weights are
 * non-negative integers; if participants is non-empty, weights.length must
 * equal participants.length.
 */
export interface WeightedParams {
  weights: number[]
}

export interface DrawParamsByKind {
  pick: PickParams
  position: PositionParams
  split: SplitParams
  weighted: WeightedParams
}

/** Params after defaults are resolved: exactly what goes into the canonical message. */
export interface CanonicalParamsByKind {
  pick: { k: number; n: number }
  position: { min: number; max: number }
  split: { total: number; n: number; min_share: number }
  weighted: { weights: number[] }
}

/** Public inputs of a draw (everything except the secret seed). */
export interface DrawInputs<K extends DrawKind = DrawKind> {
  campaign_id: string
  /** Non-negative integer; lets one campaign run several independent draws. */
  round: number
  /** Ordered participants. Optional (= []) for position / weighted / split-with-n. */
  participants?: DrawParticipant[]
  params: DrawParamsByKind[K]
}

/**
 * The normalized object whose canonical JSON is the HMAC message. v2 adds `commitment`
 * (lowercase sha256 hex of the seed) and, for chained draws, `chain`; v1 has neither.
 */
export interface CanonicalDrawInputs<K extends DrawKind = DrawKind> {
  version: DrawVersion
  kind: K
  commitment?: string
  chain?: DrawChain
  campaign_id: string
  round: number
  participants: { id: string; client_seed: string }[]
  params: CanonicalParamsByKind[K]
}

export interface PickOutcome {
  /** Winning participant ids, in draw order. */
  winners: string[]
  /** Their 0-based indexes in `participants`, in draw order. */
  winner_indexes: number[]
}
export interface PositionOutcome {
  position: number
}
export interface SplitOutcome {
  /** n shares in participant order, each >= min_share, summing to total. */
  shares: number[]
}
export interface WeightedOutcome {
  index: number
}

/**
 * fission-draw/v2 outcomes carry `digest`: sha256 hex of the canonical message, i.e. of
 * every ordered public input (participants with client seeds, params, campaign id,
 * round, kind, version, commitment, chain) as fixed when the draw ran. Participants are
 * told it with their result; a record whose inputs were changed afterwards no longer
 * hashes to it, whatever the luck.
 */
export interface DrawDigest {
  digest: string
}

export interface DrawOutcomeByKind {
  pick: PickOutcome & DrawDigest
  position: PositionOutcome & DrawDigest
  split: SplitOutcome & DrawDigest
  weighted: WeightedOutcome & DrawDigest
}
export type DrawOutcome = DrawOutcomeByKind[DrawKind]

/** Outcomes of fission-draw/v1 records: the same without `digest`. */
export interface LegacyDrawOutcomeByKind {
  pick: PickOutcome
  position: PositionOutcome
  split: SplitOutcome
  weighted: WeightedOutcome
}

/**
 * What is stored per draw and served by the public endpoint. Before the draw
 * `seed` and `outcome` are null; after it both are set and the record can be
 * checked with `verifyDraw` / `npx fission-verify`.
 */
export interface FairDrawRecord<K extends DrawKind = DrawKind> {
  id?: string
  version: DrawVersion
  kind: K
  /** sha256 hex of the seed, published when the campaign opens. */
  commitment: string
  /** Set when the seed belongs to a chain committed for several rounds at once. */
  chain?: DrawChain | null
  /** Revealed after the draw; null while pending. */
  seed: string | null
  inputs: DrawInputs<K>
  outcome: DrawOutcomeByKind[K] | LegacyDrawOutcomeByKind[K] | null
  /** When present (the public endpoint), must equal inputs.round. */
  round?: number
  /** When present (the public endpoint), must equal inputs.campaign_id. */
  source_id?: string
  drawn_at?: string | Date | null
}
