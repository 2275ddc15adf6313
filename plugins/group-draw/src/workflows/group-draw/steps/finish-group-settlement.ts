import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE } from "@fission/core/modules/refund-request"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { REFUND_SOURCE } from "./plan-group-refunds"
import { markRefundedMembers } from "./mark-refunded-members"

export type SettleGroupResult = { group_id: string; status: string; refund_failures: number }

/**
 * Moves a settled group on: `completed` once no loser is left unrefunded, otherwise
 * `drawn` → `refunding` (the losers' refunds run on the workers, core's sweep retries the
 * failed ones; the group completes when the last `fission.refund.succeeded` arrives). `from`
 * limits which statuses may complete (the refund event completes only `refunding` groups,
 * never one whose settlement is still running). A failed group stays failed. Conditional
 * transitions; no compensation.
 */
export const finishGroupSettlementStep = createStep(
  "fission-group-draw-finish-settlement",
  async (input: { group_id: string; from: ("drawn" | "refunding")[] }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [group] = await service.listGroupDrawGroups({ id: input.group_id }, { select: ["id", "status"] })
    if (!group) return new StepResponse<SettleGroupResult>({ group_id: input.group_id, status: "missing", refund_failures: 0 })
    const [, unrefunded] = await service.listAndCountGroupDrawMembers({ group_id: group.id, status: "lost" }, { take: 1, select: ["id"] })
    if (group.status !== "failed") {
      if (!unrefunded) await service.transitionGroup(group.id, input.from, "completed", { completed_at: true })
      else if (input.from.includes("drawn")) {
        await service.transitionGroup(group.id, ["drawn"], "refunding")
        // The last refund may have succeeded between the count above and this transition: its
        // `fission.refund.succeeded` then found the group still `drawn` and left it. Catch up once
        // more now that the group is `refunding` (every later event sees `refunding` itself).
        await markRefundedMembers(container, group.id)
        const [, left] = await service.listAndCountGroupDrawMembers({ group_id: group.id, status: "lost" }, { take: 1, select: ["id"] })
        if (!left) await service.transitionGroup(group.id, ["refunding"], "completed", { completed_at: true })
      }
    }
    const [, failures] = await container
      .resolve<any>(REFUND_REQUEST_MODULE)
      .listAndCountRefundRequests({ source_type: REFUND_SOURCE, source_id: group.id, status: "failed" }, { take: 1, select: ["id"] })
    const [after] = await service.listGroupDrawGroups({ id: group.id }, { select: ["id", "status"] })
    return new StepResponse<SettleGroupResult>({ group_id: group.id, status: after.status, refund_failures: failures })
  }
)
