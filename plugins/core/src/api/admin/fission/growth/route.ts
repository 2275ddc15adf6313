import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import { localDate, startOfLocalDay } from "../../../../utils"
import { AdminGrowthParamsType } from "./validators"

/**
 * The Fission feature plugins by the module each registers. Core only asks the
 * container whether the module is there — it never reads their tables; the page then
 * calls each installed plugin's own `GET /admin/fission/<plugin>/summary`.
 */
export const FISSION_PLUGINS = {
  distribution: "fission_distribution",
  group_draw: "fission_group_draw",
  presale: "fission_presale",
  blind_box: "fission_blind_box",
  membership: "fission_membership",
  rebates: "fission_rebates",
} as const

const DAY_MS = 86_400_000

/**
 * GET /admin/fission/growth?time_zone= → `{ growth: { time_zone, installed, today, last_30_days } }`:
 * which Fission plugins are installed, and the ledger's customer↔platform movements
 * (points issued / spent / expired, commissions, store credit, …) of today and of the
 * last 30 local days including today, by asset, currency and kind.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGrowthParamsType>, res: MedusaResponse) => {
  const { time_zone } = req.validatedQuery as AdminGrowthParamsType
  const ledger = req.scope.resolve<LedgerModuleService>(LEDGER_MODULE)
  const now = new Date()
  const todayFrom = startOfLocalDay(localDate(now, time_zone), time_zone)
  // 29 local days before today's start (noon-anchored so a DST change cannot skip a day)
  const monthFrom = startOfLocalDay(localDate(new Date(todayFrom.getTime() - 29 * DAY_MS + DAY_MS / 2), time_zone), time_zone)
  const to = new Date(now.getTime() + 1)
  const [today, last30] = await Promise.all([
    ledger.platformMovements({ from: todayFrom, to }),
    ledger.platformMovements({ from: monthFrom, to }),
  ])
  const installed = Object.entries(FISSION_PLUGINS)
    .filter(([, module]) => req.scope.hasRegistration(module))
    .map(([plugin]) => plugin)
  res.json({
    growth: {
      time_zone,
      installed,
      today: { from: todayFrom.toISOString(), to: now.toISOString(), movements: today },
      last_30_days: { from: monthFrom.toISOString(), to: now.toISOString(), movements: last30 },
    },
  })
}
