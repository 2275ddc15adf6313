import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { drawPick } from "@fission/core/workflows"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { freeRoundsAt } from "../../../utils"

export type DrawnRound = { round: number; winner_id: string; digest: string | null }

/**
 * Draws every free-order round the count has reached and that is not drawn yet, in order
 * (SPEC §5.2, §0.5): round r among participants 1..(r + 1) × free_interval who had not won
 * before it, with the round's committed chain seed. The entrants are fixed by the earlier
 * rounds, so a retry or a concurrent caller computes the same inputs; core returns the stored
 * outcome for identical inputs, and `draws_done` advances by a conditional update, so each
 * round has exactly one winner. Rounds are only drawn in order (revealing round r + 1 first
 * would reveal round r's seed). No compensation: a revealed seed cannot be hidden again, so
 * the draw is the step's last effect per round.
 */
export const drawPresaleFreeOrdersStep = createStep(
  "fission-presale-draw-free-orders",
  async (input: { campaign_id: string }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const drawn: DrawnRound[] = []
    for (let guard = 0; guard < 100_000; guard++) {
      const [campaign] = await service.listPresaleCampaigns({ id: input.campaign_id })
      if (!campaign || !["active", "closed"].includes(campaign.status) || !campaign.free_interval) break
      const due = Math.min(campaign.draw_rounds, freeRoundsAt(campaign.free_interval, campaign.participants_count))
      const round = campaign.draws_done
      if (round >= due) break
      const [row] = await service.listPresaleDraws({ campaign_id: campaign.id, round })
      if (!row) break
      const entrants = await service.roundEntrants(campaign.id, round, row.threshold)
      if (!entrants.length) break
      const result = await drawPick(container, {
        draw_id: row.draw_id,
        participants: entrants.map((e) => ({ id: e.id, client_seed: e.client_seed ?? "" })),
        count: 1,
      })
      const winner_id = result.winners[0]
      await service.recordRound({ campaign_id: campaign.id, round, winner_id, entrants: entrants.length, digest: result.digest })
      drawn.push({ round, winner_id, digest: result.digest })
    }
    return new StepResponse(drawn)
  }
)
