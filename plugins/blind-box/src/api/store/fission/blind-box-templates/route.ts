import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../modules/blind-box"
import { formatTemplate } from "../../../utils/format"
import { StoreListParamsType } from "../blind-boxes/validators"

/** GET /store/fission/blind-box-templates — active templates with their prize, value, prices, odds and no-win window (public). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreListParamsType
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [templates, count] = await service.listAndCountBlindBoxTemplates(
    { status: "active" },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ blind_box_templates: templates.map((t) => formatTemplate(t)), count, offset, limit })
}
