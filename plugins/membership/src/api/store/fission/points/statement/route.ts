import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { localDate, startOfLocalDay } from "../../../../../utils"
import { requestNow } from "../../../../../utils/clock"
import { StoreGetPointsStatementParamsType } from "./validators"

const KINDS = ["earned", "spent", "expired", "reversed", "returned"] as const

/**
 * GET /store/fission/points/statement?from=&to= ("annual bill", SPEC §6.1) →
 * `{ statement: { from, to, earned: { total, by_reason: { <reason>: n } }, spent, expired, reversed, returned } }`.
 * Default period: the current local calendar year.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetPointsStatementParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const settings = await service.retrieveSettings()
  const query = req.validatedQuery as StoreGetPointsStatementParamsType
  const year = Number(localDate(requestNow(req), settings.time_zone).slice(0, 4))
  const from = query.from ? new Date(query.from) : startOfLocalDay(`${year}-01-01`, settings.time_zone)
  const to = query.to ? new Date(query.to) : startOfLocalDay(`${year + 1}-01-01`, settings.time_zone)
  if (to <= from) throw new MedusaError(MedusaError.Types.INVALID_DATA, "to must be after from")
  const rows = await req.scope
    .resolve<LedgerModuleService>(LEDGER_MODULE)
    .movementsByReason({ customer_id: req.auth_context.actor_id, asset: "points", from, to })
  const statement: Record<string, any> = { from: from.toISOString(), to: to.toISOString() }
  for (const kind of KINDS) {
    const mine = rows.filter((r) => r.kind === kind)
    statement[kind] = {
      total: mine.reduce((s, r) => s + Number(r.total), 0),
      by_reason: Object.fromEntries(mine.map((r) => [r.reason, Number(r.total)])),
    }
  }
  res.json({ statement })
}
