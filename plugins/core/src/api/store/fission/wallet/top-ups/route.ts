import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addWalletTopUpToCartWorkflow } from "../../../../../workflows/wallet"
import type { StoreCreateWalletTopUpType } from "./validators"

/**
 * POST /store/fission/wallet/top-ups { cart_id, amount } — adds a wallet top-up line to the
 * logged-in customer's own cart (404 for anyone else's cart). Check the cart out as usual;
 * once the order is paid the amount is credited to the customer's store credit, once.
 * → { cart } with the top-up line (`metadata.fission_wallet_top_up` = amount).
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateWalletTopUpType>, res: MedusaResponse) => {
  const { cart_id, amount } = req.validatedBody
  const { result } = await addWalletTopUpToCartWorkflow(req.scope).run({
    input: { cart_id, amount: String(amount), customer_id: req.auth_context.actor_id },
  })
  res.json({ cart: result })
}
