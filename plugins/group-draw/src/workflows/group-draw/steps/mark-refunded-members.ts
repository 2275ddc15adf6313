import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE } from "@fission/core/modules/refund-request"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { REFUND_SOURCE } from "./plan-group-refunds"

/**
 * Losers whose refund request succeeded (read through core's refund-request module)
 * become `refunded`. A conditional catch-up that any number of runs may repeat, so no
 * compensation.
 */
export const markRefundedMembersStep = createStep(
  "fission-group-draw-mark-refunded-members",
  async (input: { group_id: string }, { container }) => {
    const refunds = container.resolve<any>(REFUND_REQUEST_MODULE)
    const succeeded = await refunds.listRefundRequests(
      { source_type: REFUND_SOURCE, source_id: input.group_id, status: "succeeded" },
      { select: ["order_id"] }
    )
    const marked = await container
      .resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
      .markMembersRefunded(input.group_id, succeeded.map((r: { order_id: string }) => r.order_id))
    return new StepResponse(marked)
  }
)
