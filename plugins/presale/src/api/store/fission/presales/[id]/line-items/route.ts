import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addPresaleToCartWorkflow } from "../../../../../../workflows/presale"
import { StoreAddPresaleToCartType } from "../../validators"

/**
 * POST /store/fission/presales/:id/line-items { cart_id, client_seed? } — puts the pre-sale item
 * into the customer's own cart at the current tier price; then check out as usual.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreAddPresaleToCartType>, res: MedusaResponse) => {
  const body = req.validatedBody as StoreAddPresaleToCartType
  const { result } = await addPresaleToCartWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, cart_id: body.cart_id, customer_id: req.auth_context.actor_id, client_seed: body.client_seed ?? null },
  })
  res.json({ cart: result })
}
