import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { claimBlindBoxPrizeWorkflow } from "../../../../../../workflows"
import { StoreClaimBlindBoxType } from "../../validators"

/**
 * POST /store/fission/blind-boxes/:id/claim `{ choice: "product"|"vouchers", shipping_address? }` — the
 * winner takes the prize once: a zero-price order of the prize shipped to the address, or the vouchers.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreClaimBlindBoxType>, res: MedusaResponse) => {
  const sales_channel_id = (req as any).publishable_key_context?.sales_channel_ids?.[0] ?? null
  const { result } = await claimBlindBoxPrizeWorkflow(req.scope).run({
    input: {
      campaign_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      choice: req.validatedBody.choice,
      shipping_address: req.validatedBody.shipping_address ?? null,
      sales_channel_id,
    },
  })
  res.json({ claim: result })
}
