import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRefundRequestsWorkflow, processRefundRequestsWorkflow } from "@fission/core/workflows"
import { finishGroupSettlementStep, GroupRefundPlan, markRefundedMembersStep, payGroupRewardsStep, planGroupRefundsStep } from "../steps"

/**
 * A group with more losers than this has their refund requests announced in batches of this
 * many (`fission.refund.requested`): each message is attempted by the worker that takes it (in
 * core's batch cancels, a few orders each, 4 at a time), so a group of 500 spreads over every
 * worker instead of one process refunding 499 orders in turn. Up to this many, the settling run attempts them itself (no
 * extra hop: a small group completes within its own settlement).
 */
export const LOSER_REFUND_BATCH = 12

type Requested = { request: { id: string; status: string }; created: boolean }[]
const fanOut = (plan: GroupRefundPlan) => plan.refunds.length > LOSER_REFUND_BATCH
const refundRequestsOf = ({ plan }: { plan: GroupRefundPlan }) => ({
  requests: plan.refunds,
  process: fanOut(plan) ? ("async" as const) : ("caller" as const),
  announce_batch: LOSER_REFUND_BATCH,
})
/** Requests this run attempts itself: the new ones of a small group, and (admin retry) the failed or pending ones. */
const attemptedHere = (plan: GroupRefundPlan, requested: Requested, retry: boolean | undefined) =>
  requested
    .filter((r) => (r.created ? !fanOut(plan) : !!retry && ["failed", "pending"].includes(r.request.status)))
    .map((r) => r.request.id)

export type SettleGroupInput = {
  group_id: string
  /** Also attempt the group's failed refund requests now (admin retry); otherwise core's sweep retries them. */
  retry_failed_refunds?: boolean
  /** Default true; the sweep passes false for groups whose rewards were paid when they were first settled. */
  pay_rewards?: boolean
}

/**
 * The first half of a settlement, in a run of its own so that a large group's announcements
 * (`fission.refund.requested`, released when the run that emits them ends) reach the workers
 * before this process spends its time on the rewards: one refund request per `lost` member,
 * attempted here for a small group or fanned out for a large one, and the losers whose refund
 * succeeded marked `refunded`. Creates nothing on a re-run (one request per cause key).
 */
export const requestGroupRefundsWorkflow = createWorkflow("fission-group-draw-request-refunds", (input: { group_id: string }) => {
  const plan = planGroupRefundsStep(input)
  const requested = createRefundRequestsWorkflow.runAsStep({ input: transform({ plan }, refundRequestsOf) })
  processRefundRequestsWorkflow.runAsStep({
    input: transform({ plan, requested }, ({ plan, requested }) => ({ ids: attemptedHere(plan, requested, false), force: true })),
  })
  return new WorkflowResponse(markRefundedMembersStep({ group_id: plan.group_id }))
})

/**
 * Settles a drawn (or failed) group, safe to re-run (`settleGroup` runs
 * requestGroupRefundsWorkflow first, so a large group's refunds are under way meanwhile):
 * 1. one @fission/core refund request per loser (mode cancel, cause
 *    `group_draw:<group>:<member>:refund`), attempted right away by this run — or, with more
 *    than LOSER_REFUND_BATCH losers, announced in batches that core's subscriber attempts on
 *    whichever workers take them (an admin retry attempts failed requests in this run);
 * 2. losers whose refund succeeded already become `refunded`;
 * 3. rewards, red envelopes and the winner shopping fund are paid (drawn groups only);
 * 4. the group is `completed`, or `refunding` until the last loser's `fission.refund.succeeded`
 *    completes it (core's sweep retries failed refunds).
 */
export const settleGroupDrawGroupWorkflow = createWorkflow("fission-group-draw-settle-group", (input: SettleGroupInput) => {
  const plan = planGroupRefundsStep(input)
  const requested = createRefundRequestsWorkflow.runAsStep({ input: transform({ plan }, refundRequestsOf) })
  processRefundRequestsWorkflow.runAsStep({
    input: transform({ plan, requested, input }, ({ plan, requested, input }) => ({
      ids: attemptedHere(plan, requested, input.retry_failed_refunds),
      force: true,
    })),
  })
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
 * A loser's refund succeeded (core's subscriber after a fan-out, its sweep or an admin
 * retry): mark the member refunded (`order_id` given: only that order's member; otherwise
 * every member whose request succeeded) and complete the group if it was waiting in
 * `refunding` for it.
 */
export const completeRefundedGroupWorkflow = createWorkflow("fission-group-draw-complete-refunded-group", (input: { group_id: string; order_id?: string }) => {
  markRefundedMembersStep(input)
  return new WorkflowResponse(
    finishGroupSettlementStep(transform({ input }, ({ input }) => ({ group_id: input.group_id, from: ["refunding"] as ("drawn" | "refunding")[] })))
  )
})
