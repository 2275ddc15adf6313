import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseLedgerEntriesStep, settleLedgerEntriesStep } from "@fission/core/workflows"
import {
  claimCommissionOrderStep,
  loadCommissionsStep,
  planCommissionReversalsStep,
  ReversalCause,
  updateCommissionStatusStep,
} from "../steps"

/**
 * Refund or return: reverses the order's commissions in proportion (SPEC §0.4).
 * Still-pending commissions are reduced (the reduction follows them when they are
 * released); available ones are reversed, and what the beneficiary already
 * withdrew becomes debt repaid from later commissions. Once per refund/return id.
 */
export const reverseOrderCommissionsWorkflow = createWorkflow(
  "fission-reverse-order-commissions",
  (input: ReversalCause) => {
    const plan = planCommissionReversalsStep(input)
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    updateCommissionStatusStep(transform({ plan }, ({ plan }) => plan.updates))
    return new WorkflowResponse(plan)
  }
)

/**
 * `order.canceled`: voids commissions still pending (nothing was ever available)
 * and reverses those already released, with debt for what was spent.
 */
export const cancelOrderCommissionsWorkflow = createWorkflow(
  "fission-cancel-order-commissions",
  (input: { order_id: string }) => {
    claimCommissionOrderStep({ order_id: input.order_id, to: "canceled" })
    const pending = loadCommissionsStep({ order_id: input.order_id, status: "pending" })
    settleLedgerEntriesStep(
      transform({ pending }, ({ pending }) => pending.map((r) => ({ idempotency_key: r.posting_key, action: "void" as const })))
    )
    updateCommissionStatusStep(
      transform({ pending }, ({ pending }) => pending.map((r) => ({ id: r.id, status: "voided" as const })))
    ).config({ name: "fission-void-pending-commissions" })
    const plan = planCommissionReversalsStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, cause: "cancel" as const, cause_id: input.order_id }))
    )
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    updateCommissionStatusStep(transform({ plan }, ({ plan }) => plan.updates))
    return new WorkflowResponse({ voided: pending, reversed: plan })
  }
)
