import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../../modules/ledger"

/** GET /admin/fission/ledger/reconciliation — zero-sum per asset, counters vs postings, no overdrafts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const ledger = req.scope.resolve<LedgerModuleService>(LEDGER_MODULE)
  res.json({ reconciliation: await ledger.reconcile() })
}
