import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LedgerHistoryParamsType } from "../../../../../../utils/validators"
import { historyFor } from "../../../../../../utils/history"
import { assertCustomerExists } from "../../../../../../utils/wallet"

/** GET /admin/fission/ledger/customers/:customer_id/history?asset=&limit=&cursor= — the store route's lines for any customer. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, LedgerHistoryParamsType>, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.customer_id)
  res.json(await historyFor(req.scope, req.params.customer_id, req.validatedQuery as LedgerHistoryParamsType))
}
