import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AddWalletTopUpInput, validateTopUpCartStep } from "../steps/validate-top-up-cart"

export type AddWalletTopUpToCartWorkflowInput = AddWalletTopUpInput

/**
 * Adds a wallet top-up line to the customer's own cart with Medusa's addToCartWorkflow.
 * The cart is then checked out as usual; once the order is paid (`fission.order.paid`) the
 * amount is credited to store credit once (creditWalletTopUpsWorkflow). Core's cart check
 * refuses a tampered top-up line at completion.
 */
export const addWalletTopUpToCartWorkflow = createWorkflow(
  "fission-add-wallet-top-up-to-cart",
  (input: AddWalletTopUpToCartWorkflowInput) => {
    const line = validateTopUpCartStep(input)
    const toAdd = transform({ line }, ({ line }) => ({ cart_id: line.cart_id, items: [line.item as any] }))
    addToCartWorkflow.runAsStep({ input: toAdd })
    const { data } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "currency_code", "customer_id", "total", "subtotal", "item_total", "items.*"],
      filters: { id: input.cart_id },
    })
    return new WorkflowResponse(transform({ data }, ({ data }) => data[0]))
  }
)
