import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LedgerHistoryParamsType } from "../../../../utils/validators"
import { historyFor } from "../../../../utils/history"

/**
 * GET /store/fission/wallet/history?asset=&limit=&cursor= — every change of the logged-in customer's
 * wallet, newest first: ledger postings and store-credit transactions (`asset=store_credit`).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, LedgerHistoryParamsType>, res: MedusaResponse) => {
  res.json(await historyFor(req.scope, req.auth_context.actor_id, req.validatedQuery as LedgerHistoryParamsType))
}
