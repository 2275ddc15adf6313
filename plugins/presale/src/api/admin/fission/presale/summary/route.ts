import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../modules/presale"

/**
 * GET /admin/fission/presale/summary → `{ summary: { by_status: { draft, active, closed, failed, canceled } } }`
 * for the Growth overview (live pre-sales are `active`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const statuses = ["draft", "active", "closed", "failed", "canceled"] as const
  const counts = await Promise.all(
    statuses.map(async (status) => (await service.listAndCountPresaleCampaigns({ status }, { take: 1, select: ["id"] }))[1])
  )
  res.json({ summary: { by_status: Object.fromEntries(statuses.map((s, i) => [s, counts[i]])) } })
}
