/** Version tag of the draw algorithm; part of every canonical message and record. */
export const DRAW_VERSION = "fission-draw/v1" as const
export type DrawVersion = typeof DRAW_VERSION

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

/** The normalized object whose canonical JSON is the HMAC message. */
export interface CanonicalDrawInputs<K extends DrawKind = DrawKind> {
  version: DrawVersion
  kind: K
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

export interface DrawOutcomeByKind {
  pick: PickOutcome
  position: PositionOutcome
  split: SplitOutcome
  weighted: WeightedOutcome
}
export type DrawOutcome = DrawOutcomeByKind[DrawKind]

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
  /** Revealed after the draw; null while pending. */
  seed: string | null
  inputs: DrawInputs<K>
  outcome: DrawOutcomeByKind[K] | null
  drawn_at?: string | Date | null
}
