import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FAIR_DRAW_MODULE } from "../../../../../modules/fair-draw"
import type FairDrawModuleService from "../../../../../modules/fair-draw/service"
import type { FairDrawDTO } from "../../../../../modules/fair-draw/types"
import { toAdminRecord } from "../admin-record"

/** GET /admin/fission/draws/:id → { draw } with `verification` once drawn. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
  const draw = (await service.retrieveFairDraw(req.params.id)) as unknown as FairDrawDTO
  res.json({ draw: toAdminRecord(service.toPublicRecord(draw), draw.created_at) })
}
