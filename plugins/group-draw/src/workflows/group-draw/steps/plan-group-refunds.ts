import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"

/** Source of the refund requests of a group (core's refund-request admin API filters by it). */
export const REFUND_SOURCE = "group_draw.group"

/** The cause key of a loser's refund: one refund request per seat, ever. */
export const loserRefundKey = (member: { id: string; group_id: string }) => `group_draw:${member.group_id}:${member.id}:refund`

export type GroupRefundPlan = {
  group_id: string
  /** drawn, refunding or failed: there is something to settle. */
  settleable: boolean
  /** A drawn group pays rewards; a failed one (expired before it filled) only refunds. */
  rewards: boolean
  refunds: {
    cause_key: string
    order_id: string
    mode: "cancel"
    source_type: string
    source_id: string
    reason: string
    metadata: { member_id: string }
  }[]
}

/**
 * Which losers still need their money back: every `lost` member gets a cancel refund
 * request (core cancels the order, which refunds the captured payment in full or voids an
 * authorized one). Read-only, no compensation.
 */
export const planGroupRefundsStep = createStep("fission-group-draw-plan-refunds", async (input: { group_id: string }, { container }) => {
  const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [group] = await service.listGroupDrawGroups({ id: input.group_id }, { select: ["id", "status"] })
  const settleable = !!group && ["drawn", "refunding", "failed"].includes(group.status)
  if (!settleable) return new StepResponse<GroupRefundPlan>({ group_id: input.group_id, settleable, rewards: false, refunds: [] })
  const losers = await service.listGroupDrawMembers(
    { group_id: group.id, status: "lost" },
    { select: ["id", "group_id", "order_id"], order: { seat: "ASC" } }
  )
  const rewards = group.status !== "failed"
  return new StepResponse<GroupRefundPlan>({
    group_id: group.id,
    settleable,
    rewards,
    refunds: losers.map((m) => ({
      cause_key: loserRefundKey(m),
      order_id: m.order_id,
      mode: "cancel" as const,
      source_type: REFUND_SOURCE,
      source_id: group.id,
      reason: rewards ? "group_draw.loser" : "group_draw.group_failed",
      metadata: { member_id: m.id },
    })),
  })
})
