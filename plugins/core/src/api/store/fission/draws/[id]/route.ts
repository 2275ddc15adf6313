import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FAIR_DRAW_MODULE } from "../../../../../modules/fair-draw"
import type FairDrawModuleService from "../../../../../modules/fair-draw/service"
import type { FairDrawDTO } from "../../../../../modules/fair-draw/types"

/**
 * GET /store/fission/draws/:id — public, publishable key only (SPEC §1).
 * Returns `{ draw }` in the shape `npx fission-verify <this url> --key <pk>`
 * checks: commitment always; seed, inputs and outcome once drawn.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
  const draw = (await service.retrieveFairDraw(req.params.id)) as unknown as FairDrawDTO
  res.json({ draw: service.toPublicRecord(draw) })
}
