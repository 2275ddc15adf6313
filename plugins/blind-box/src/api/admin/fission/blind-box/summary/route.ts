import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"

const DAY_MS = 86_400_000

/**
 * GET /admin/fission/blind-box/summary → `{ summary: { by_status: { initiating, open, won, failed }, opens_last_30_days } }`
 * for the Growth overview: campaigns per status and the boxes opened in the last 30 days.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const statuses = ["initiating", "open", "won", "failed"] as const
  const [counts, [, opens_last_30_days]] = await Promise.all([
    Promise.all(statuses.map(async (status) => (await service.listAndCountBlindBoxCampaigns({ status }, { take: 1, select: ["id"] }))[1])),
    service.listAndCountBlindBoxOpens({ created_at: { $gte: new Date(Date.now() - 30 * DAY_MS) } }, { take: 1, select: ["id"] }),
  ])
  res.json({ summary: { by_status: Object.fromEntries(statuses.map((s, i) => [s, counts[i]])), opens_last_30_days } })
}
