import crypto from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertCustomerExists } from "../../../../utils/wallet"
import { adjustLedgerBalanceWorkflow } from "../../../../../workflows/ledger"
import { AdminLedgerAdjustmentType } from "../validators"

/** POST /admin/fission/ledger/adjustments — a manual correction with a mandatory reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLedgerAdjustmentType>, res: MedusaResponse) => {
  const body = req.validatedBody
  await assertCustomerExists(req.scope, body.customer_id)
  const { result } = await adjustLedgerBalanceWorkflow(req.scope).run({
    input: {
      customer_id: body.customer_id,
      asset: body.asset as any,
      currency_code: body.currency_code ?? null,
      amount: String(body.amount),
      reason: body.reason,
      note: body.note,
      expires_at: body.expires_at ?? null,
      actor_id: req.auth_context.actor_id,
      idempotency_key: body.idempotency_key ?? crypto.randomUUID(),
    },
  })
  const p = result.posting
  res.json({
    adjustment: {
      posting_id: p.id,
      asset: p.asset,
      currency_code: p.currency_code,
      amount: String(body.amount).trim().startsWith("-") ? -Number(p.amount) : Number(p.amount),
      reason: body.reason,
      expires_at: p.expires_at,
      replayed: result.replayed,
      created_at: p.created_at,
    },
  })
}
