import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LedgerHistoryParamsType } from "../../../../utils/validators"
import { historyFor } from "../../../../utils/wallet"

/** GET /store/fission/wallet/history?asset=&limit=&cursor= — the customer's own postings, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, LedgerHistoryParamsType>, res: MedusaResponse) => {
  res.json(await historyFor(req.scope, req.auth_context.actor_id, req.validatedQuery as LedgerHistoryParamsType))
}
