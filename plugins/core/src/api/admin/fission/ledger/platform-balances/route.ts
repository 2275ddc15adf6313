import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../../modules/ledger"

/** GET /admin/fission/ledger/platform-balances — every platform account (derived from postings). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const ledger = req.scope.resolve<LedgerModuleService>(LEDGER_MODULE)
  const accounts = await ledger.listLedgerAccounts({ owner_type: "platform" }, { select: ["owner_id"] })
  const purposes = [...new Set(accounts.map((a) => a.owner_id))].sort()
  const balances = (
    await Promise.all(
      purposes.map(async (purpose) =>
        (await ledger.retrieveBalances({ owner_type: "platform", owner_id: purpose })).map((b) => ({
          purpose,
          asset: b.asset,
          currency_code: b.currency_code,
          balance: Number(b.posted),
          pending_in: Number(b.pending_in),
          pending_out: Number(b.pending_out),
        }))
      )
    )
  ).flat()
  res.json({ platform_balances: balances, count: balances.length, offset: 0, limit: balances.length })
}
