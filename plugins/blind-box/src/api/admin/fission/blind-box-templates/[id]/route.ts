import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"
import { saveBlindBoxTemplateWorkflow } from "../../../../../workflows"
import { formatTemplate } from "../../../../utils/format"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [t] = await service.listBlindBoxTemplates({ id: req.params.id })
  if (!t) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind-box template with id: ${req.params.id} was not found`)
  res.json({ blind_box_template: formatTemplate(t, { admin: true }) })
}

/** POST /admin/fission/blind-box-templates/:id — updates a template; its terms are frozen once a campaign started (400 naming them). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await saveBlindBoxTemplateWorkflow(req.scope).run({ input: { id: req.params.id, data: { ...(req.validatedBody as any) } } })
  res.json({ blind_box_template: formatTemplate(result, { admin: true }) })
}
