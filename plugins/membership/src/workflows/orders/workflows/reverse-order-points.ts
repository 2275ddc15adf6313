import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseLedgerEntriesStep, settleLedgerEntriesStep } from "@fission/core/workflows"
import { claimMembershipOrderStep, OrderReversalCause, planOrderReversalStep } from "../steps"

/**
 * Refund or return: reverses the order's points and growth in proportion
 * (SPEC §0.4); points the customer already spent become debt repaid from later
 * points. Once per refund/return id.
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
  (input: { order_id: string }) => {
    const plan = planOrderReversalStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, cause: "cancel" as const, cause_id: input.order_id }))
    )
    claimMembershipOrderStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, from: ["pending", "released"] as ("pending" | "released")[], to: "canceled" as const }))
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
