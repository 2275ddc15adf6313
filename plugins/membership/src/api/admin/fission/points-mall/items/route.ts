import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../../modules/points-mall"
import { createMallItemWorkflow } from "../../../../../workflows/points-mall"
import { AdminCreateMallItemType, AdminGetMallItemsParamsType } from "./validators"

/** GET /admin/fission/points-mall/items?kind= → `{ items, count, offset, limit }`, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetMallItemsParamsType>, res: MedusaResponse) => {
  const { limit, offset, kind } = req.validatedQuery as AdminGetMallItemsParamsType
  const [items, count] = await req.scope
    .resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    .listAndCountMallItems(kind ? { kind } : {}, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ items, count, offset, limit })
}

/** POST /admin/fission/points-mall/items → 201 `{ item }`; 400 names a missing or unknown reference. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateMallItemType>, res: MedusaResponse) => {
  const { result: item } = await createMallItemWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ item })
}
