import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../modules/group-draw"
import { createGroupDrawCampaignWorkflow } from "../../../../workflows/campaigns"
import { formatCampaign } from "../../../utils/format"
import { AdminCreateGroupDrawType, AdminGetGroupDrawsParamsType } from "./validators"

/** GET /admin/fission/group-draws?status=&product_id= — campaigns, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetGroupDrawsParamsType>, res: MedusaResponse) => {
  const { status, product_id, offset, limit } = req.validatedQuery as AdminGetGroupDrawsParamsType
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const filters = { ...(status ? { status } : {}), ...(product_id ? { product_id } : {}) }
  const [campaigns, count] = await service.listAndCountGroupDrawCampaigns(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ group_draws: campaigns.map(formatCampaign), count, offset, limit })
}

/** POST /admin/fission/group-draws — define a campaign (rules and prize cap checked). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateGroupDrawType>, res: MedusaResponse) => {
  const { result } = await createGroupDrawCampaignWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ group_draw: formatCampaign(result) })
}
