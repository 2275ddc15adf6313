import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../../modules/ledger"

/**
 * GET /admin/fission/ledger/platform-balances — every platform account, from the ledger's
 * maintained platform totals (one statement, however many postings; plugins/core/README.md).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const ledger = req.scope.resolve<LedgerModuleService>(LEDGER_MODULE)
  const balances = (await ledger.listPlatformBalances()).map((b) => ({
    purpose: b.owner_id,
    asset: b.asset,
    currency_code: b.currency_code,
    balance: Number(b.posted),
    pending_in: Number(b.pending_in),
    pending_out: Number(b.pending_out),
  }))
  res.json({ platform_balances: balances, count: balances.length, offset: 0, limit: balances.length })
}
