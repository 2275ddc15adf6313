import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE } from "@fission/core/modules/refund-request"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { REFUND_SOURCE } from "./plan-group-refunds"

/**
 * Losers whose refund request succeeded (read through core's refund-request module)
 * become `refunded` (with `order_id`: the member of that order, whose request's
 * `fission.refund.succeeded` is being handled). A conditional catch-up that any number of runs may repeat, so no
 * compensation.
 */
export const markRefundedMembersStep = createStep(
  "fission-group-draw-mark-refunded-members",
  async (input: { group_id: string; order_id?: string }, { container }) =>
    new StepResponse(
      input.order_id
        ? // one refund's own event: mark just its member (the group's other refunds bring their own)
          await container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE).markMembersRefunded(input.group_id, [input.order_id])
        : await markRefundedMembers(container, input.group_id)
    )
)

/** The catch-up itself: members of `group_id` whose refund request succeeded become `refunded`; returns how many. */
export async function markRefundedMembers(container: MedusaContainer, group_id: string): Promise<number> {
  const refunds = container.resolve<any>(REFUND_REQUEST_MODULE)
  const succeeded = await refunds.listRefundRequests({ source_type: REFUND_SOURCE, source_id: group_id, status: "succeeded" }, { select: ["order_id"] })
  return await container
    .resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    .markMembersRefunded(group_id, succeeded.map((r: { order_id: string }) => r.order_id))
}
