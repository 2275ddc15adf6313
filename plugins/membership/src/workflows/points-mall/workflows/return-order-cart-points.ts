import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseLedgerEntriesStep } from "@fission/core/workflows"
import { listCartPointsHoldsStep, transitionCartPointsStep } from "../steps"

/**
 * A canceled order gives back the points spent on its lines (SPEC §6.5): each
 * posted debit is reversed in full (back into the lots it came from) under a
 * key per hold, then the holds become `returned` and stock comes back. A
 * redelivered cancel finds no placed holds, and the reversal keys replay.
 */
export const returnOrderCartPointsWorkflow = createWorkflow(
  "fission-membership-return-order-cart-points",
  (input: { order_id: string }) => {
    const holds = listCartPointsHoldsStep(transform({ input }, ({ input }) => ({ status: "placed" as const, order_id: input.order_id })))
    reverseLedgerEntriesStep(
      transform({ holds }, ({ holds }) =>
        holds.map((h) => ({
          idempotency_key: h.ledger_key as string,
          reversal_key: `${h.ledger_key}:order-canceled`,
          reason: "points.mall_cart_returned",
          source_type: "order",
          source_id: h.order_id as string,
        }))
      )
    )
    const returned = transitionCartPointsStep(
      transform({ holds, input }, ({ holds, input }) => ({
        ids: holds.map((h) => h.id as string),
        order_id: input.order_id,
        from: "placed" as const,
        to: "returned" as const,
      }))
    )
    return new WorkflowResponse(returned)
  }
)
