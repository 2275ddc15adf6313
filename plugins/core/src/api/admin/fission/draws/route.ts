import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FAIR_DRAW_MODULE } from "../../../../modules/fair-draw"
import type FairDrawModuleService from "../../../../modules/fair-draw/service"
import type { FairDrawDTO } from "../../../../modules/fair-draw/types"
import { toAdminRecord } from "./admin-record"
import type { AdminGetFairDrawsParamsType } from "./validators"

/** GET /admin/fission/draws?source_type=&source_id=&status=&kind=&offset=&limit= */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetFairDrawsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
  const { offset, limit, ...filters } = req.validatedQuery as AdminGetFairDrawsParamsType
  const [draws, count] = await service.listAndCountFairDraws(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({
    draws: draws.map((d) => toAdminRecord(service.toPublicRecord(d as unknown as FairDrawDTO), d.created_at)),
    count,
    offset,
    limit,
  })
}
