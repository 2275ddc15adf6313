import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyForPromoterWorkflow } from "../../../../../workflows/promoters"
import { StoreApplyPromoterType } from "../validators"

/**
 * POST /store/fission/promoter/apply `{ real_name?, phone?, note? }` (promoter_mode
 * `apply`) → `{ promoter: { status: "applied", real_name, phone, note, created_at } }`.
 * 422 when already applied or active, 400 when disabled; 400 in the other promoter modes.
 * The referral code is only shown (GET /store/fission/referral) once approved.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyPromoterType>, res: MedusaResponse) => {
  const { result: promoter } = await applyForPromoterWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  res.json({
    promoter: {
      status: promoter.status,
      real_name: promoter.real_name,
      phone: promoter.phone,
      note: promoter.note,
      created_at: promoter.created_at,
    },
  })
}
