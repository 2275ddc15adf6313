import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../modules/rebates"
import { levelAdminView } from "../../../../../utils/settings-view"
import { createRebateLevelWorkflow } from "../../../../../workflows/settings"
import { AdminCreateRebateLevelType } from "../validators"

/** GET /admin/fission/rebates/levels → `{ levels, count, offset, limit }` by position (seeded with SPEC §3.1). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<RebatesModuleService>(REBATES_MODULE)
  await service.retrieveSettings()
  const levels = await service.listRebateLevels({}, { order: { position: "ASC" } })
  res.json({ levels: levels.map(levelAdminView), count: levels.length, offset: 0, limit: levels.length })
}

/** POST /admin/fission/rebates/levels `{ position, name, min_consumption, team_structure?, dividend_points }` → `{ level }`. */
export const POST = async (req: MedusaRequest<AdminCreateRebateLevelType>, res: MedusaResponse) => {
  const body = req.validatedBody as AdminCreateRebateLevelType
  const { result } = await createRebateLevelWorkflow(req.scope).run({ input: body as any })
  res.json({ level: levelAdminView(result) })
}
