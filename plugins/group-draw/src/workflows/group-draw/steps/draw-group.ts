import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { commitDraw, drawPick, drawSplit } from "@fission/core/workflows"
import { equalSplit, fromMinor, toMinor } from "../../../utils"
import { PICK_SOURCE, SPLIT_SOURCE } from "../fair-draw"

export type DrawGroupResult = {
  group_id: string
  drawn: boolean
  winners: string[]
  losers: string[]
  /** Digest of the winners draw's public inputs (told to every member), null if not drawn. */
  digest: string | null
}

/**
 * Executes the group's fair draws on its members in seat order with their client seeds
 * (SPEC §4.3) and records the outcome: winners `won`, the others `lost` (to refund),
 * red-envelope shares. Every part is idempotent — the draw module returns the
 * stored outcome for the same inputs and the records are recomputed from it — and there
 * is no compensation: a revealed draw is final. The effects (refunds, credit) follow in
 * settleGroupDrawGroupWorkflow, which re-reads what is recorded here.
 */
export const drawGroupStep = createStep(
  "fission-group-draw-draw-group",
  async (input: { group_id: string }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [group] = await service.listGroupDrawGroups({ id: input.group_id })
    if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${input.group_id} was not found`)
    const members = await service.listGroupDrawMembers({ group_id: group.id }, { order: { seat: "ASC" } })
    const already = ["drawn", "refunding", "completed"].includes(group.status)
    const drawable = group.status === "full"
    if (!already && !drawable) {
      return new StepResponse<DrawGroupResult>({ group_id: group.id, drawn: false, winners: [], losers: [], digest: null })
    }
    if (members.length <= group.winners) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Group ${group.id} has too few members to draw`)
    }
    const [campaign] = await service.listGroupDrawCampaigns({ id: group.campaign_id })
    const participants = members.map((m) => ({ id: m.id, client_seed: m.client_seed ?? "" }))

    // commitments exist from the group's opening; committing again returns them
    const pickId = group.draw_id ?? (await commitDraw(container, { kind: "pick", source_type: PICK_SOURCE, source_id: group.id })).draw_id
    const pick = await drawPick(container, { draw_id: pickId, participants, count: group.winners })
    const winners = new Set<string>(pick.winners)

    const envelope = toMinor(campaign.red_envelope_amount)
    let shares: bigint[] = []
    let envelopeDrawId = group.envelope_draw_id ?? null
    if (envelope > 0n && campaign.red_envelope_split === "random") {
      envelopeDrawId =
        envelopeDrawId ?? (await commitDraw(container, { kind: "split", source_type: SPLIT_SOURCE, source_id: group.id })).draw_id
      const split = await drawSplit(container, { draw_id: envelopeDrawId, participants, total: Number(envelope), min_share: 1 })
      shares = split.shares.map((s) => BigInt(s))
    } else if (envelope > 0n) {
      shares = equalSplit(envelope, members.length)
    }

    const updates = members
      .filter((m) => m.status === "paid")
      .map((m) => {
        const won = winners.has(m.id)
        const share = shares[members.indexOf(m)]
        return {
          id: m.id,
          status: won ? ("won" as const) : ("lost" as const),
          envelope_share: share !== undefined ? fromMinor(share) : null,
        }
      })
    if (updates.length) await service.updateGroupDrawMembers(updates as any[])
    await service.updateGroupDrawGroups({ id: group.id, draw_id: pickId, envelope_draw_id: envelopeDrawId })
    await service.transitionGroup(group.id, ["full"], "drawn", { drawn_at: true })
    return new StepResponse<DrawGroupResult>({
      group_id: group.id,
      drawn: true,
      winners: members.filter((m) => winners.has(m.id)).map((m) => m.customer_id),
      losers: members.filter((m) => !winners.has(m.id)).map((m) => m.customer_id),
      digest: pick.digest,
    })
  }
)
