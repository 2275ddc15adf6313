import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AddPresaleToCartInput, validatePresaleCartStep } from "../steps/validate-cart-join"

/**
 * Puts the campaign's variant in the customer's own cart at the current tier price, with
 * Medusa's addToCartWorkflow (the line carries `metadata.presale_campaign_id` and the
 * shopper's `client_seed`). The cart is then checked out as usual; the cart check refuses it
 * if the tier changed before completion.
 */
export const addPresaleToCartWorkflow = createWorkflow("fission-presale-add-to-cart", (input: AddPresaleToCartInput) => {
  const line = validatePresaleCartStep(input)
  addToCartWorkflow.runAsStep({ input: transform({ line }, ({ line }) => ({ cart_id: line.cart_id, items: [line.item as any] })) })
  const { data } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "currency_code", "customer_id", "total", "subtotal", "item_total", "items.*"],
    filters: { id: input.cart_id },
  })
  return new WorkflowResponse(transform({ data }, ({ data }) => data[0]))
})
