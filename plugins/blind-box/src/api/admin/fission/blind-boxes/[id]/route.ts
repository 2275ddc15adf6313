import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getPublicDraws } from "@fission/core/workflows"
import { verifyDraw } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"
import { formatCampaign, formatOpen } from "../../../../utils/format"

/**
 * GET /admin/fission/blind-boxes/:id — one campaign with every open, the draw record and its
 * verification (VALID once the prize was won and the seed revealed).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [c] = await service.listBlindBoxCampaigns({ id: req.params.id })
  if (!c) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind box with id: ${req.params.id} was not found`)
  const opens = await service.listBlindBoxOpens({ campaign_id: c.id }, { order: { created_at: "ASC" }, take: 20_000 })
  const draw = c.draw_id ? (await getPublicDraws(req.scope, [c.draw_id])).get(c.draw_id) : null
  const verification = draw && draw.status === "drawn" ? verifyDraw(draw as any) : null
  res.json({ blind_box: { ...formatCampaign(c, draw, { admin: true }), opens: opens.map((o) => ({ ...formatOpen(o), customer_id: o.customer_id })), verification } })
}
