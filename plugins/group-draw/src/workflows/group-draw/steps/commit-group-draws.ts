import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { commitDraw } from "@fission/core/workflows"
import { toMinor } from "../../../utils"
import { PICK_SOURCE, SPLIT_SOURCE } from "../fair-draw"

/**
 * Commits the fair draws of groups that have none yet (SPEC §0.5: commitment published
 * when the group opens): the winners `pick`, and the red-envelope `split` when the
 * campaign splits randomly. Idempotent per group (the draw module keys by source).
 */
export const commitGroupDrawsStep = createStep(
  "fission-group-draw-commit-draws",
  async (input: { group_ids: string[] }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const ids = [...new Set(input.group_ids)]
    if (!ids.length) return new StepResponse([])
    const groups = await service.listGroupDrawGroups({ id: ids })
    const campaigns = await service.listGroupDrawCampaigns({ id: [...new Set(groups.map((g) => g.campaign_id))] })
    const byId = new Map(campaigns.map((c) => [c.id, c]))
    const updated: { id: string; draw_id: string; envelope_draw_id: string | null }[] = []
    for (const group of groups) {
      const campaign = byId.get(group.campaign_id)!
      const needsSplit = campaign.red_envelope_split === "random" && toMinor(campaign.red_envelope_amount) > 0n
      if (group.draw_id && (group.envelope_draw_id || !needsSplit)) continue
      const pick = await commitDraw(container, { kind: "pick", source_type: PICK_SOURCE, source_id: group.id, round: 0 })
      const split = needsSplit
        ? await commitDraw(container, { kind: "split", source_type: SPLIT_SOURCE, source_id: group.id, round: 0 })
        : null
      updated.push({ id: group.id, draw_id: pick.draw_id, envelope_draw_id: split?.draw_id ?? null })
    }
    if (updated.length) await service.updateGroupDrawGroups(updated)
    return new StepResponse(updated)
  }
)
