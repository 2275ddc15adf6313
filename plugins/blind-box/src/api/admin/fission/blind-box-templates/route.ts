import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../modules/blind-box"
import { saveBlindBoxTemplateWorkflow } from "../../../../workflows"
import { formatTemplate } from "../../../utils/format"

/** GET /admin/fission/blind-box-templates?status=&offset=&limit= — templates with their economics preview. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { status, offset, limit } = req.validatedQuery as any
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [templates, count] = await service.listAndCountBlindBoxTemplates(status ? { status } : {}, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ blind_box_templates: templates.map((t) => formatTemplate(t, { admin: true })), count, offset, limit })
}

/** POST /admin/fission/blind-box-templates — creates a template (validated against the compliance settings). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await saveBlindBoxTemplateWorkflow(req.scope).run({ input: { data: { ...(req.validatedBody as any) } } })
  res.status(201).json({ blind_box_template: formatTemplate(result, { admin: true }) })
}
