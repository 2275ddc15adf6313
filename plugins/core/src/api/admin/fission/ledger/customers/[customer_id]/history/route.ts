import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LedgerHistoryParamsType } from "../../../../../../utils/validators"
import { assertCustomerExists, historyFor } from "../../../../../../utils/wallet"

/** GET /admin/fission/ledger/customers/:customer_id/history?asset=&limit=&cursor= */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, LedgerHistoryParamsType>, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.customer_id)
  res.json(await historyFor(req.scope, req.params.customer_id, req.validatedQuery as LedgerHistoryParamsType))
}
