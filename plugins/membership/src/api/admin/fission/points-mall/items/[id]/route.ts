import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../../../modules/points-mall"
import { deleteMallItemWorkflow, updateMallItemWorkflow } from "../../../../../../workflows/points-mall"
import { AdminUpdateMallItemType } from "../validators"

/** GET /admin/fission/points-mall/items/:id → `{ item }` (404 if unknown). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const item = await req.scope.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).retrieveMallItem(req.params.id)
  res.json({ item })
}

/** POST /admin/fission/points-mall/items/:id — partial update → `{ item }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMallItemType>, res: MedusaResponse) => {
  await req.scope.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).retrieveMallItem(req.params.id)
  const { result: item } = await updateMallItemWorkflow(req.scope).run({ input: { ...(req.validatedBody as any), id: req.params.id } })
  res.json({ item })
}

/** DELETE /admin/fission/points-mall/items/:id → `{ id, object: "mall_item", deleted: true }`. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMallItemWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "mall_item", deleted: true })
}
