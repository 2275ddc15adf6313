import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"

/**
 * Moves the order's record `from` → `to` with a conditional update; `claimed`
 * is false if it was not in `from` (already released/canceled, or unknown).
 */
export const claimMembershipOrderStep = createStep(
  "fission-membership-claim-order",
  async (input: { order_id: string; from: ("pending" | "released")[]; to: "released" | "canceled" }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const [before] = await service.listMembershipOrders({ order_id: input.order_id }, { select: ["status"] })
    const claimed = await service.transitionMembershipOrder(input.order_id, input.from, input.to)
    return new StepResponse(
      { claimed, previous: (before?.status ?? null) as string | null },
      claimed ? { order_id: input.order_id, status: before!.status as string, to: input.to } : null
    )
  },
  async (claim, { container }) => {
    if (!claim) return
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const [row] = await service.listMembershipOrders({ order_id: claim.order_id })
    if (row?.status === claim.to) await service.updateMembershipOrders({ id: row.id, status: claim.status as any })
  }
)
