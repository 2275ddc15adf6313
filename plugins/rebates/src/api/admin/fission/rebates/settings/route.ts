import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../modules/rebates"
import { settingsView } from "../../../../../utils/settings-view"
import { updateRebateSettingsWorkflow } from "../../../../../workflows/settings"
import { AdminUpdateRebateSettingsType } from "../validators"

/** GET /admin/fission/rebates/settings → `{ settings }`. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<RebatesModuleService>(REBATES_MODULE)
  res.json({ settings: settingsView(await service.retrieveSettings()) })
}

/** POST /admin/fission/rebates/settings `{ …any field }` → `{ settings }`. */
export const POST = async (req: MedusaRequest<AdminUpdateRebateSettingsType>, res: MedusaResponse) => {
  const body = req.validatedBody as AdminUpdateRebateSettingsType
  const input: any = { ...body }
  if (body.tiered_tiers) input.tiered_tiers = body.tiered_tiers.map((t) => ({ min_spend: String(t.min_spend), rate: String(t.rate) }))
  const { result } = await updateRebateSettingsWorkflow(req.scope).run({ input })
  res.json({ settings: settingsView(result) })
}
