import crypto from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { convertCommissionToStoreCreditWorkflow } from "../../../../../workflows/withdrawals"
import { StoreConvertCommissionType } from "./validators"

/**
 * POST /store/fission/commissions/convert { amount, idempotency_key? } — turns available
 * commission into loyalty store credit at once. More than available → 400, nothing changes.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreConvertCommissionType>, res: MedusaResponse) => {
  const { amount, idempotency_key } = req.validatedBody
  try {
    const { result } = await convertCommissionToStoreCreditWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, amount, idempotency_key: idempotency_key ?? crypto.randomUUID() },
    })
    res.json({
      conversion: {
        amount: Number(result.amount),
        currency_code: result.currency_code,
        store_credit_balance: Number(result.store_credit_balance),
        posting_id: result.posting_id,
        replayed: result.replayed,
      },
    })
  } catch (e) {
    // the only duplicate here: the key was used before for another amount (the ledger's message names its internal key)
    if ((e as any)?.type !== MedusaError.Types.DUPLICATE_ERROR) throw e
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "idempotency_key was already used for a different conversion")
  }
}
