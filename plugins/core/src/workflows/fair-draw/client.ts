import { FAIR_DRAW_MODULE } from "../../modules/fair-draw"
import type FairDrawModuleService from "../../modules/fair-draw/service"
import type {
  CommitDrawChainInput,
  CommitDrawChainResult,
  CommitDrawInput,
  ExecuteDrawInputs,
  FairDrawPublicRecord,
} from "../../modules/fair-draw/types"
import type { DrawKind, DrawOutcomeByKind, DrawParticipant, LegacyDrawOutcomeByKind } from "../../utils/fair-draw"

/**
 * The typed fair-draw client for campaign plugins (SPEC §0.5): one function per draw
 * kind, typed params in, typed outcome out, each usable directly with a container (a
 * step's `{ container }`, a route's `req.scope`) or as a workflow step
 * (`steps/draw-kinds.ts`). It wraps @fission/core's fair-draw module, so callers never
 * build raw `{ params }` objects or read `outcome` untyped.
 *
 *   const { draw_id } = await commitDraw(container, { kind: "pick", source_type: "group_draw.group", source_id })
 *   const { winners, digest } = await drawPick(container, { draw_id, participants, count: 2 })
 *
 * Every result carries `digest` (sha256 of every ordered public input, fixed when the
 * draw ran): tell it to each participant with their result, so they can check the
 * public record (`npx fission-verify <url> --digest <digest>`).
 */

/** Anything that resolves modules: a MedusaContainer, `req.scope`, a step's container. */
export type DrawContainer = { resolve<T = unknown>(key: string): T }

const service = (container: DrawContainer) => container.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)

export interface CommittedDraw {
  draw_id: string
  /** sha256(seed), to publish when the campaign/group opens. */
  commitment: string
  round: number
  /** False when the source's draw already existed (same commitment). */
  created: boolean
}

/** Commits one draw of `kind` for (source_type, source_id, round); idempotent. */
export async function commitDraw(container: DrawContainer, input: CommitDrawInput): Promise<CommittedDraw> {
  const { draw, created } = await service(container).commit(input)
  // A single draw (or round 0 of a chain) always shows its commitment.
  return { draw_id: draw.id, commitment: draw.commitment!, round: draw.round, created }
}

/**
 * Commits rounds 0..rounds-1 at once as a seed chain: publish `chain.head` when the
 * campaign starts; draw the rounds in order with the draw ids of `rounds`.
 */
export async function commitDrawChain(container: DrawContainer, input: CommitDrawChainInput): Promise<CommitDrawChainResult> {
  return await service(container).commitChain(input)
}

/** What every draw result has besides its kind's outcome. */
export interface DrawResultBase<K extends DrawKind> {
  draw_id: string
  /**
   * sha256 of the draw's canonical message. Null only for a record drawn with
   * fission-draw/v1 before v2 existed (re-read through an idempotent re-run).
   */
  digest: string | null
  /** False when the draw had already run with these inputs (the stored outcome). */
  executed: boolean
  /** The public record, as `GET /store/fission/draws/:id` serves it. */
  draw: FairDrawPublicRecord<K>
}

/** A kind's own outcome fields (the digest is reported next to them). */
type Outcome<K extends DrawKind> = LegacyDrawOutcomeByKind[K]

async function execute<K extends DrawKind>(
  container: DrawContainer,
  kind: K,
  drawId: string,
  inputs: ExecuteDrawInputs
): Promise<Outcome<K> & DrawResultBase<K>> {
  const { draw, executed } = await service(container).execute(drawId, inputs, { kind })
  const { digest, ...outcome } = draw.outcome as DrawOutcomeByKind[K] | (LegacyDrawOutcomeByKind[K] & { digest?: undefined })
  return { ...(outcome as Outcome<K>), draw_id: draw.id, digest: digest ?? null, executed, draw: draw as FairDrawPublicRecord<K> }
}

export interface DrawPickInput {
  draw_id: string
  /** Ordered participants (e.g. seats in join order) with their client seeds. */
  participants: DrawParticipant[]
  /** How many distinct winners, 1..participants.length. */
  count: number
}
export type DrawPickResult = Outcome<"pick"> & DrawResultBase<"pick">

/** `count` distinct winners among the participants → `{ winners, winner_indexes, digest }`. */
export const drawPick = (container: DrawContainer, input: DrawPickInput): Promise<DrawPickResult> =>
  execute(container, "pick", input.draw_id, { participants: input.participants, params: { k: input.count } })

export interface DrawPositionInput {
  draw_id: string
  /** Inclusive bounds, e.g. 7..24 for a blind box whose first 6 opens never win. */
  min: number
  max: number
  participants?: DrawParticipant[]
}
export type DrawPositionResult = Outcome<"position"> & DrawResultBase<"position">

/** A uniform integer in [min, max] → `{ position, digest }`. */
export const drawPosition = (container: DrawContainer, input: DrawPositionInput): Promise<DrawPositionResult> =>
  execute(container, "position", input.draw_id, {
    participants: input.participants,
    params: { min: input.min, max: input.max },
  })

/**
 * The position `drawPosition` will give for these inputs, computed from the still-secret
 * seed without revealing it (see FairDrawModuleService.sealedOutcome). For draws whose
 * inputs are all fixed at commitment, e.g. a blind box's prize open: the campaign decides
 * opens on it, and reveals it with `drawPosition` (same inputs) once the prize is won.
 * Never show the result before that: it is the secret the commitment hides.
 */
export async function sealedDrawPosition(container: DrawContainer, input: DrawPositionInput): Promise<{ position: number }> {
  const outcome = await service(container).sealedOutcome(
    input.draw_id,
    { participants: input.participants, params: { min: input.min, max: input.max } },
    { kind: "position" }
  )
  return { position: Number(outcome.position) }
}

export interface DrawSplitInput {
  draw_id: string
  /** Amount in minor units (an integer), e.g. 1000 for 10.00. */
  total: number
  /** One share per participant, in their order. */
  participants?: DrawParticipant[]
  /** Number of shares when there are no participants. */
  shares?: number
  /** Smallest share in minor units (default 1). */
  min_share?: number
}
export type DrawSplitResult = Outcome<"split"> & DrawResultBase<"split">

/** `total` into integer shares ≥ min_share summing exactly to it → `{ shares, digest }`. */
export const drawSplit = (container: DrawContainer, input: DrawSplitInput): Promise<DrawSplitResult> =>
  execute(container, "split", input.draw_id, {
    participants: input.participants,
    params: { total: input.total, n: input.shares, min_share: input.min_share },
  })

export interface DrawWeightedInput {
  draw_id: string
  /** Non-negative integer weights (one per participant when participants are given). */
  weights: number[]
  participants?: DrawParticipant[]
}
export type DrawWeightedResult = Outcome<"weighted"> & DrawResultBase<"weighted">

/** One index with probability weights[i] / sum(weights) → `{ index, digest }`. */
export const drawWeighted = (container: DrawContainer, input: DrawWeightedInput): Promise<DrawWeightedResult> =>
  execute(container, "weighted", input.draw_id, { participants: input.participants, params: { weights: input.weights } })

/** Public records by id (commitment always, seed and outcome once drawn); unknown ids are left out. */
export async function getPublicDraws(
  container: DrawContainer,
  ids: (string | null | undefined)[]
): Promise<Map<string, FairDrawPublicRecord>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return new Map()
  const draws = service(container)
  const rows = await draws.listFairDraws({ id: wanted })
  return new Map(rows.map((row) => [row.id, draws.toPublicRecord(row as any)]))
}
