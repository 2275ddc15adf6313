import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinor } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { rulesOf, tierPriceAt } from "../../../utils"

/**
 * Decides what each participant is still owed (SPEC §5.2) and writes it as refund rows (one
 * set-based pass, ../../../modules/presale/refunds.ts):
 * - active, `each_step`: owed = paid − tier price now (0 net for a free-order winner);
 * - active, `at_close`: nothing until the close;
 * - closed: owed = paid − final tier price (winners: paid);
 * - failed (minimum not reached) or canceled: everything paid; with refunds to the original
 *   payment the order is canceled (Medusa refunds what is still captured).
 * `participant_ids` restricts the pass to new joiners while the tier and the winners did not
 * change. No compensation: the rows are the record of what was decided, handed to core next.
 */
export const planPresaleRefundsStep = createStep(
  "fission-presale-plan-refunds",
  async (input: { campaign_id: string; participant_ids?: string[] | null }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const [campaign] = await service.listPresaleCampaigns({ id: input.campaign_id })
    if (!campaign) return new StepResponse(0)
    const net = fromMinor(tierPriceAt(rulesOf(campaign), campaign.participants_count))
    const destination = campaign.refund_destination
    let rows: unknown[] = []
    if (campaign.status === "active" && campaign.refund_timing === "each_step") {
      rows = await service.planRefunds({
        campaign_id: campaign.id,
        net_price: net,
        full: false,
        kind: "step",
        mode: "partial",
        destination,
        participant_ids: input.participant_ids ?? null,
      })
    } else if (campaign.status === "closed") {
      rows = await service.planRefunds({
        campaign_id: campaign.id,
        net_price: net,
        full: false,
        kind: campaign.refund_timing === "each_step" ? "step" : "close",
        mode: "partial",
        destination,
      })
    } else if (campaign.status === "failed" || campaign.status === "canceled") {
      rows = await service.planRefunds({
        campaign_id: campaign.id,
        net_price: net,
        full: true,
        kind: "full",
        mode: destination === "original_payment" ? "cancel" : "partial",
        destination,
      })
    }
    return new StepResponse(rows.length)
  }
)
