import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRefundRequestsWorkflow, processRefundRequestsWorkflow } from "@fission/core/workflows"
import { finishGroupSettlementStep, markRefundedMembersStep, payGroupRewardsStep, planGroupRefundsStep } from "../steps"

export type SettleGroupInput = {
  group_id: string
  /** Also attempt the group's failed refund requests now (admin retry); otherwise core's sweep retries them. */
  retry_failed_refunds?: boolean
  /** Default true; the sweep passes false for groups whose rewards were paid when they were first settled. */
  pay_rewards?: boolean
}

/**
 * Settles a drawn (or failed) group, safe to re-run:
 * 1. one @fission/core refund request per loser (mode cancel, cause
 *    `group_draw:<group>:<member>:refund`), attempted right away by this run;
 * 2. losers whose refund succeeded become `refunded`;
 * 3. rewards, red envelopes and the winner shopping fund are paid (drawn groups only);
 * 4. the group is `completed`, or `refunding` while a refund is left to core's retries.
 */
export const settleGroupDrawGroupWorkflow = createWorkflow("fission-group-draw-settle-group", (input: SettleGroupInput) => {
  const plan = planGroupRefundsStep(input)
  const requested = createRefundRequestsWorkflow.runAsStep({
    input: transform({ plan }, ({ plan }) => ({ requests: plan.refunds, process: "caller" as const })),
  })
  const toAttempt = transform({ requested, input }, ({ requested, input }) => ({
    ids: (requested as { request: { id: string; status: string }; created: boolean }[])
      .filter((r) => r.created || (input.retry_failed_refunds && ["failed", "pending"].includes(r.request.status)))
      .map((r) => r.request.id),
    force: true,
  }))
  processRefundRequestsWorkflow.runAsStep({ input: toAttempt })
  markRefundedMembersStep({ group_id: plan.group_id })
  payGroupRewardsStep(
    transform({ plan, input }, ({ plan, input }) => ({ group_id: plan.group_id, pay: plan.settleable && plan.rewards && input.pay_rewards !== false }))
  )
  const result = finishGroupSettlementStep(
    transform({ plan }, ({ plan }) => ({ group_id: plan.group_id, from: plan.settleable ? (["drawn", "refunding"] as ("drawn" | "refunding")[]) : [] }))
  )
  return new WorkflowResponse(result)
})

/**
 * A loser's refund succeeded later (core's sweep or an admin retry): mark the member
 * refunded and complete the group if it was waiting in `refunding` for it.
 */
export const completeRefundedGroupWorkflow = createWorkflow("fission-group-draw-complete-refunded-group", (input: { group_id: string }) => {
  markRefundedMembersStep(input)
  return new WorkflowResponse(
    finishGroupSettlementStep(transform({ input }, ({ input }) => ({ group_id: input.group_id, from: ["refunding"] as ("drawn" | "refunding")[] })))
  )
})
