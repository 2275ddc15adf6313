import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { deleteHoldPromotionsStep, listCartPointsHoldsStep, transitionCartPointsStep } from "../steps"

/**
 * Takes points off a cart (one line or all): removes the per-cart promotions
 * from the cart, voids the pending points debit and gives stock and limit
 * back. Used by the DELETE route and by the stale-cart job.
 */
export const removeCartPointsWorkflow = createWorkflow(
  "fission-membership-remove-cart-points",
  (input: { cart_id: string; line_item_id?: string; cart_is_open?: boolean }) => {
    const holds = listCartPointsHoldsStep(
      transform({ input }, ({ input }) => ({ status: "reserved" as const, cart_id: input.cart_id, line_item_id: input.line_item_id }))
    )
    const codes = transform({ holds }, ({ holds }) => holds.map((h) => h.promotion_code).filter(Boolean) as string[])

    when("cart-has-point-promotions", { codes, input }, ({ codes, input }) => codes.length > 0 && input.cart_is_open !== false).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ input, codes }, ({ input, codes }) => ({
          cart_id: input.cart_id,
          promo_codes: codes,
          action: PromotionActions.REMOVE,
        })),
      })
    })

    settleLedgerEntriesStep(
      transform({ holds }, ({ holds }) => holds.map((h) => ({ idempotency_key: h.ledger_key as string, action: "void" as const })))
    )
    const released = transitionCartPointsStep(
      transform({ holds }, ({ holds }) => ({ ids: holds.map((h) => h.id as string), from: "reserved" as const, to: "released" as const }))
    )
    deleteHoldPromotionsStep(
      transform({ released }, ({ released }) => released.map((h) => h.promotion_id).filter(Boolean) as string[])
    )
    return new WorkflowResponse(released)
  }
)
