import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { PRESALE_LINE_KIND } from "../../../utils"

export type JoinedOrder = {
  campaign_id: string
  participant_id: string | null
  number: number | null
  joined: boolean
  replayed: boolean
  /** a paid order that could not join (ended, canceled, sold out): refunded in full */
  late: boolean
}

/**
 * A paid order's pre-sale line gets its participant number (SPEC §5.2), decided in Postgres
 * by the module's row lock on the campaign. `paid` is what the buyer paid for the line as
 * bought (core's snapshot). An order that can no longer join gets one full refund row.
 * No compensation on purpose: a participation is a paid purchase and stays; replaying the
 * step returns the participant numbered before (unique order id).
 */
export const joinPresaleOrderStep = createStep(
  "fission-presale-join-order",
  async (input: { order: FissionOrder }, { container }) => {
    const { order } = input
    const line = order.lines.find((l) => l.campaign?.kind === PRESALE_LINE_KIND)
    if (!line || !order.customer_id || order.canceled) return new StepResponse(null as JoinedOrder | null)
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const campaign_id = line.campaign!.campaign_id
    const [campaign] = await service.listPresaleCampaigns({ id: campaign_id })
    if (!campaign) return new StepResponse(null as JoinedOrder | null)
    const seed = (line.metadata as any)?.client_seed
    const result = await service.join({
      campaign_id,
      customer_id: order.customer_id,
      order_id: order.id,
      line_item_id: line.id,
      client_seed: typeof seed === "string" ? seed.slice(0, 128) : null,
      paid: String(line.paid),
    })
    if (!result.joined) {
      await service.planLateRefund({
        campaign_id,
        order_id: order.id,
        amount: String(line.paid),
        mode: campaign.refund_destination === "original_payment" ? "cancel" : "partial",
        destination: campaign.refund_destination,
      })
      return new StepResponse<JoinedOrder | null>({ campaign_id, participant_id: null, number: null, joined: false, replayed: false, late: true })
    }
    return new StepResponse<JoinedOrder | null>({
      campaign_id,
      participant_id: result.participant.id,
      number: Number(result.participant.number),
      joined: true,
      replayed: result.replayed,
      late: false,
    })
  }
)
