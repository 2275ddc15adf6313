import type {
  DrawChain,
  DrawInputs,
  DrawKind,
  DrawOutcomeByKind,
  DrawParticipant,
  DrawVersion,
  LegacyDrawOutcomeByKind,
} from "../../utils/fair-draw"

export type FairDrawStatus = "committed" | "drawn"

/** A stored draw as the module returns it. Contains the SECRET seed: internal only. */
export interface FairDrawDTO {
  id: string
  kind: DrawKind
  source_type: string
  source_id: string
  round: number
  status: FairDrawStatus
  commitment: string
  seed: string
  /** Version of the stored outcome; null while committed. */
  version: DrawVersion | null
  chain_head: string | null
  chain_length: number | null
  inputs: DrawInputs | null
  outcome: DrawOutcomeByKind[DrawKind] | LegacyDrawOutcomeByKind[DrawKind] | null
  drawn_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

/**
 * The public view of a draw, served by `GET /store/fission/draws/:id` and
 * accepted as is by `verifyDraw` / `npx fission-verify` (a `FairDrawRecord`
 * plus source fields). `seed`, `inputs` and `outcome` are null until drawn;
 * `outcome.digest` (v2) is the digest of every public input, told to every
 * participant with their result.
 */
export interface FairDrawPublicRecord<K extends DrawKind = DrawKind> {
  id: string
  /** The algorithm the draw ran with (or will run with, while committed). */
  version: DrawVersion
  kind: K
  /**
   * sha256 of the seed. Null for a committed round > 0 of a seed chain: there the
   * commitment is the previous round's seed, public only once that round is drawn
   * (the chain head stands for it until then).
   */
  commitment: string | null
  /** The seed chain this draw is a round of, or null. */
  chain: DrawChain | null
  seed: string | null
  inputs: DrawInputs<K> | null
  outcome: DrawOutcomeByKind[K] | LegacyDrawOutcomeByKind[K] | null
  status: FairDrawStatus
  source_type: string
  source_id: string
  round: number
  drawn_at: string | null
}

export interface CommitDrawInput {
  kind: DrawKind
  /** What the draw decides, e.g. "group_draw.group", "presale.free_order", "blind_box.campaign". */
  source_type: string
  source_id: string
  /** Default 0. */
  round?: number
}

export interface CommitDrawResult {
  /** Public view (the seed stays secret). */
  draw: FairDrawPublicRecord
  /** False when a draw for (source_type, source_id, round) already existed. */
  created: boolean
}

export interface CommitDrawChainInput {
  /** One kind for every round (e.g. "pick": one free order per round). */
  kind: DrawKind
  source_type: string
  source_id: string
  /** Number of rounds, 0..rounds-1, committed at once (1..MAX_CHAIN_LENGTH). */
  rounds: number
}

export interface CommitDrawChainResult {
  kind: DrawKind
  source_type: string
  source_id: string
  /** Publish `chain.head` when the campaign starts: it commits every round. */
  chain: DrawChain
  /** Round r's draw id (draw them in order). No commitments: round r's is round r-1's seed. */
  rounds: { round: number; draw_id: string }[]
  /** False when this chain had been committed before (same source, kind and length). */
  created: boolean
}

/**
 * Public inputs passed to `execute`. `campaign_id` defaults to the draw's
 * `source_id` and `round` to the draw's round; if given they must equal them.
 */
export type ExecuteDrawInputs = Omit<DrawInputs, "campaign_id" | "round"> & {
  campaign_id?: string
  round?: number
  participants?: DrawParticipant[]
}

export interface ExecuteDrawOptions {
  /** Refuse (INVALID_DATA) to execute a draw committed with another kind. */
  kind?: DrawKind
}

export interface ExecuteDrawResult<K extends DrawKind = DrawKind> {
  /** Public view, seed revealed. */
  draw: FairDrawPublicRecord<K>
  /** False when the draw had already been executed (with the same inputs). */
  executed: boolean
}
