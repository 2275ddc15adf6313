import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { orderWithCampaignLines } from "../../../utils"

export type SeatedLine = {
  member_id: string
  group_id: string
  became_full: boolean
  /** A replay found the group drawn but not settled: a settlement broke off (its worker died). */
  unsettled: boolean
  created_group: boolean
  replayed: boolean
}

/**
 * A paid order's campaign lines take seats (SPEC §4.2), decided in Postgres by the
 * module's conditional update. No compensation on purpose: a seat is a paid purchase
 * and stays; replaying the step returns the seat taken before (unique order id).
 */
export const seatOrderStep = createStep(
  "fission-group-draw-seat-order",
  async (input: { order_id: string }, { container }) => {
    const order = await orderWithCampaignLines(container, input.order_id)
    if (!order || !order.customer_id || order.status === "canceled" || !order.lines.length) {
      return new StepResponse([] as SeatedLine[])
    }
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const seated: SeatedLine[] = []
    // the cart check allows one campaign line (quantity 1) per order: one order = one seat
    for (const line of order.lines.slice(0, 1)) {
      const [campaign] = await service.listGroupDrawCampaigns({ id: line.campaign_id })
      if (!campaign) continue
      const result = await service.takeSeat({
        campaign_id: campaign.id,
        group_id: line.group_id,
        customer_id: order.customer_id,
        order_id: order.id,
        line_item_id: line.line_item_id,
        client_seed: line.client_seed,
        size: campaign.group_size,
        winners: campaign.winners,
        duration_hours: campaign.duration_hours,
      })
      seated.push({
        member_id: result.member.id,
        group_id: result.group.id,
        // on replay, report a full undrawn group again so a failed draw is retried
        became_full: result.became_full || result.group.status === "full",
        unsettled: result.replayed && result.group.status === "drawn",
        created_group: result.created_group,
        replayed: result.replayed,
      })
    }
    return new StepResponse(seated)
  }
)
