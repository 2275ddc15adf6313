import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { commitDrawChain } from "@fission/core/workflows"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { drawRoundsFor } from "../../../utils"

export const FREE_ORDER_SOURCE = "presale.free_order"

/**
 * When a campaign becomes active, commits its free-order rounds at once as a seed chain
 * (SPEC §0.5): the chain head is published with the campaign; round r's seed is revealed when
 * round r is drawn, and it reveals nothing about round r + 1. Idempotent (core keys the chain
 * by source and length; the rounds insert skips existing rows). No compensation: an unused
 * committed chain reveals nothing and is reused by a retry.
 */
export const commitPresaleFreeDrawsStep = createStep(
  "fission-presale-commit-free-draws",
  async (input: { campaign_id: string }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const [campaign] = await service.listPresaleCampaigns({ id: input.campaign_id })
    if (!campaign || campaign.status !== "active" || campaign.chain_head) return new StepResponse(campaign ?? null)
    const rounds = drawRoundsFor(campaign.free_interval, campaign.max_participants)
    if (!rounds) return new StepResponse(campaign)
    const chain = await commitDrawChain(container, { kind: "pick", source_type: FREE_ORDER_SOURCE, source_id: campaign.id, rounds })
    await service.insertRounds(campaign.id, campaign.free_interval!, chain.rounds)
    const updated = await service.updatePresaleCampaigns({ id: campaign.id, chain_head: chain.chain.head, draw_rounds: rounds })
    return new StepResponse(updated)
  }
)
