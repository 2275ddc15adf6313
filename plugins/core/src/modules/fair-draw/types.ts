import type {
  DrawInputs,
  DrawKind,
  DrawOutcome,
  DrawParticipant,
  DrawVersion,
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
  inputs: DrawInputs | null
  outcome: DrawOutcome | null
  drawn_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

/**
 * The public view of a draw, served by `GET /store/fission/draws/:id` and
 * accepted as is by `verifyDraw` / `npx fission-verify` (a `FairDrawRecord`
 * plus source fields). `seed`, `inputs` and `outcome` are null until drawn.
 */
export interface FairDrawPublicRecord {
  id: string
  version: DrawVersion
  kind: DrawKind
  commitment: string
  seed: string | null
  inputs: DrawInputs | null
  outcome: DrawOutcome | null
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

/**
 * Public inputs passed to `execute`. `campaign_id` defaults to the draw's
 * `source_id` and `round` to the draw's round; if given they must equal them.
 */
export type ExecuteDrawInputs = Omit<DrawInputs, "campaign_id" | "round"> & {
  campaign_id?: string
  round?: number
  participants?: DrawParticipant[]
}

export interface ExecuteDrawResult {
  /** Public view, seed revealed. */
  draw: FairDrawPublicRecord
  /** False when the draw had already been executed (with the same inputs). */
  executed: boolean
}
