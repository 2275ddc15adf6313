import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fromMinor, toMinor } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { Projection, project, rulesOf } from "../../../../../../utils"
import { AdminProjectionParamsType } from "../../validators"
import { campaignOr404 } from "../route"

const money = (v: bigint | null) => (v === null ? null : Number(fromMinor(v)))
const shown = (p: Projection) => ({
  participants: p.count,
  level: p.level,
  price: money(p.price),
  free_orders: p.free_orders,
  paid: money(p.paid),
  revenue: money(p.revenue),
  refunds: money(p.refunded),
  margin: money(p.margin),
})

/**
 * GET /admin/fission/presales/:id/projection?unit_cost=&count= — revenue, refunds, free orders and
 * the margin at a unit cost, at the current count, at `count`, and at the maximum
 * (max_participants, else where the last step is reached). Assumes each joined at the tier
 * price of their moment; the totals hold whoever wins the free orders.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminProjectionParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const campaign = await campaignOr404(service, req.params.id)
  const rules = rulesOf(campaign)
  const cost = q.unit_cost === undefined ? null : toMinor(q.unit_cost)
  const maximum = campaign.max_participants ?? Math.max(1, rules.max_steps) * rules.interval
  const rounds = campaign.draw_rounds || Infinity
  res.json({
    projection: {
      unit_cost: q.unit_cost ?? null,
      current: shown(project(rules, campaign.participants_count, campaign.free_interval, cost, rounds)),
      at_count: q.count === undefined ? null : shown(project(rules, q.count, campaign.free_interval, cost, rounds)),
      maximum: shown(project(rules, maximum, campaign.free_interval, cost, rounds)),
      thresholds: Array.from({ length: rules.max_steps }, (_, i) => ({
        participants: (i + 1) * rules.interval,
        price: money(rules.base - rules.step * BigInt(i + 1)),
      })),
    },
  })
}
