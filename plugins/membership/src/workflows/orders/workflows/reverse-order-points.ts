import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseLedgerEntriesStep, settleLedgerEntriesStep } from "@fission/core/workflows"
import type { FissionOrder } from "@fission/core/utils"
import { claimMembershipOrderStep, OrderReversalCause, planOrderReversalStep } from "../steps"

/**
 * Refund or return: reverses the order's points and growth to core's cumulative
 * share (SPEC §0.4); points the customer already spent become debt repaid from
 * later points.
 */
export const reverseOrderPointsWorkflow = createWorkflow(
  "fission-membership-reverse-order-points",
  (input: OrderReversalCause) => {
    const plan = planOrderReversalStep(input)
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    return new WorkflowResponse(plan)
  }
)

/**
 * `order.canceled`: points still pending are voided (they were never
 * available), released ones and the growth are reversed in full.
 */
export const cancelOrderPointsWorkflow = createWorkflow(
  "fission-membership-cancel-order-points",
  (input: { order: FissionOrder }) => {
    const plan = planOrderReversalStep(transform({ input }, ({ input }) => ({ order: input.order, cause: "cancel" as const })))
    claimMembershipOrderStep(
      transform({ input }, ({ input }) => ({ order_id: input.order.id, from: ["pending", "released"] as ("pending" | "released")[], to: "canceled" as const }))
    )
    when("fission-membership-void-pending-points", { plan }, ({ plan }) => plan.void_points && !!plan.points_key).then(() => {
      settleLedgerEntriesStep(
        transform({ plan }, ({ plan }) => [{ idempotency_key: plan.points_key!, action: "void" as const }])
      )
    })
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    return new WorkflowResponse(plan)
  }
)
