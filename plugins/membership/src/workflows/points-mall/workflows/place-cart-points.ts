import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { transitionCartPointsStep } from "../steps"

/**
 * The order of a cart with points was placed: its holds become `placed` (with
 * the order id) and the pending points debits are posted. Holds already moved
 * (a redelivered event) are not touched again.
 */
export const placeCartPointsWorkflow = createWorkflow(
  "fission-membership-place-cart-points",
  (input: { cart_id: string; order_id: string }) => {
    const placed = transitionCartPointsStep(
      transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        from: "reserved" as const,
        to: "placed" as const,
        set_order_id: input.order_id,
      }))
    )
    settleLedgerEntriesStep(
      transform({ placed }, ({ placed }) => placed.map((h) => ({ idempotency_key: h.ledger_key, action: "post" as const })))
    )
    return new WorkflowResponse(placed)
  }
)
