import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService, MovementKind } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { localDate, monthsBetween, nextMonth, startOfLocalDay } from "../../../../../utils"
import { AdminGetMembershipStatsParamsType } from "./validators"

const KINDS = ["issued", "spent", "expired", "reversed", "returned"] as const
/** The ledger's movement kinds as this route names them (points "issued" rather than "earned"). */
const KIND_NAMES: Record<MovementKind, (typeof KINDS)[number]> = {
  earned: "issued",
  spent: "spent",
  expired: "expired",
  reversed: "reversed",
  returned: "returned",
}
const MAX_MONTHS = 60

/**
 * GET /admin/fission/membership/stats?from=YYYY-MM&to=YYYY-MM (local months of the store time zone,
 * inclusive; default the last 12) → `{ stats: { from, to, time_zone, months: [{ month, issued, spent,
 * expired, reversed, returned }], members_per_level: [{ level_id, name, members }] } }`.
 * Points movements are every customer's posted `points` postings against platform accounts.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetMembershipStatsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const settings = await service.retrieveSettings()
  const query = req.validatedQuery as AdminGetMembershipStatsParamsType
  const current = localDate(new Date(), settings.time_zone).slice(0, 7)
  const to = query.to ?? current
  const from = query.from ?? monthsBetween(`${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`, to)[1]
  if (from > to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must not be after to")
  const months = monthsBetween(from, to)
  if (months.length > MAX_MONTHS) throw new MedusaError(MedusaError.Types.INVALID_DATA, `at most ${MAX_MONTHS} months at a time`)

  const [rows, perLevel, levels] = await Promise.all([
    req.scope.resolve<LedgerModuleService>(LEDGER_MODULE).monthlyMovements({
      asset: "points",
      from: startOfLocalDay(`${from}-01`, settings.time_zone),
      to: startOfLocalDay(`${nextMonth(to)}-01`, settings.time_zone),
      time_zone: settings.time_zone,
    }),
    service.countMembersPerLevel(),
    service.listMemberLevels({}, { order: { growth_threshold: "ASC" } }),
  ])
  const byMonth = new Map(months.map((m) => [m, Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<string, number>]))
  for (const r of rows) {
    const m = byMonth.get(r.month)
    const kind = KIND_NAMES[r.kind]
    if (m && kind) m[kind] = Number(r.total)
  }
  const count = (id: string | null) => Number(perLevel.find((p) => p.level_id === id)?.members ?? 0)
  const members_per_level = [
    ...levels.map((l) => ({ level_id: l.id, name: l.name, members: count(l.id) })),
    { level_id: null, name: "No level", members: count(null) },
  ]
  res.json({
    stats: {
      from,
      to,
      time_zone: settings.time_zone,
      months: months.map((month) => ({ month, ...byMonth.get(month)! })),
      members_per_level,
    },
  })
}
