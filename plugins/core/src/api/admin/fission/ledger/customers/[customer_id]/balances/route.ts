import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertCustomerExists, walletOf } from "../../../../../../utils/wallet"

/** GET /admin/fission/ledger/customers/:customer_id/balances */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.customer_id)
  res.json({ wallet: await walletOf(req.scope, req.params.customer_id) })
}
