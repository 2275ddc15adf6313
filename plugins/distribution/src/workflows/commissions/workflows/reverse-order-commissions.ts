import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseLedgerEntriesStep, settleLedgerEntriesStep } from "@fission/core/workflows"
import type { FissionOrder } from "@fission/core/utils"
import {
  claimCommissionOrderStep,
  loadCommissionsStep,
  planCommissionReversalsStep,
  raiseCommissionReversalsStep,
  updateCommissionStatusStep,
} from "../steps"

/**
 * `fission.order.refunded` / `.returned`: reverses the order's commissions to
 * core's cumulative shares (SPEC §0.4). Still-pending commissions are reduced
 * (the reduction follows them when they are released); available ones are
 * reversed, and what the beneficiary already withdrew becomes debt repaid from
 * later commissions.
 */
export const reverseOrderCommissionsWorkflow = createWorkflow(
  "fission-reverse-order-commissions",
  (input: { order: FissionOrder; cause: "refund" | "return" }) => {
    const plan = planCommissionReversalsStep(
      transform({ input }, ({ input }) => ({ order: input.order, reason: `commission.${input.cause}` }))
    )
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    raiseCommissionReversalsStep(plan)
    return new WorkflowResponse(plan)
  }
)

/**
 * `fission.order.canceled`: voids commissions still pending (nothing was ever
 * available) and reverses those already released in full, with debt for what
 * was spent.
 */
export const cancelOrderCommissionsWorkflow = createWorkflow(
  "fission-cancel-order-commissions",
  (input: { order: FissionOrder }) => {
    const order_id = transform({ input }, ({ input }) => input.order.id)
    claimCommissionOrderStep(transform({ order_id }, ({ order_id }) => ({ order_id, to: "canceled" as const })))
    const pending = loadCommissionsStep(transform({ order_id }, ({ order_id }) => ({ order_id, status: "pending" })))
    settleLedgerEntriesStep(
      transform({ pending }, ({ pending }) => pending.map((r) => ({ idempotency_key: r.posting_key, action: "void" as const })))
    )
    updateCommissionStatusStep(
      transform({ pending }, ({ pending }) => pending.map((r) => ({ id: r.id, status: "voided" as const })))
    ).config({ name: "fission-void-pending-commissions" })
    const plan = planCommissionReversalsStep(
      transform({ input }, ({ input }) => ({ order: input.order, reason: "commission.cancel" }))
    )
    reverseLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.reversals))
    raiseCommissionReversalsStep(plan)
    return new WorkflowResponse({ voided: pending, reversed: plan })
  }
)
