import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { walletOf } from "../../../utils/wallet"

/** GET /store/fission/wallet — the logged-in customer's balances of every asset and store credit. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ wallet: await walletOf(req.scope, req.auth_context.actor_id) })
}
