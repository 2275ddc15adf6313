import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "crypto"
import { requestNow } from "../../../../../../utils/clock"
import { redeemMallItemWorkflow } from "../../../../../../workflows/points-mall"
import { sendMallError } from "../../../../../utils/mall-errors"

/**
 * POST /store/fission/points-mall/:item_id/redeem (optional `Idempotency-Key` header) → 201
 * `{ redemption: { id, item_id, kind, points, status, code, promotion_id, credit_amount, currency_code } }`.
 * The same Idempotency-Key returns the first redemption, checked before any limit (that redemption may
 * have taken the last unit). Refusals: 400 `insufficient_points`, `limit_reached`, `level_not_allowed`,
 * `inactive`, `not_started`, `ended`, `redeem_in_cart` (product items), `out_of_stock`; 422
 * `redemption_in_progress` (same key, first still running), `idempotency_key_reused` (same key, other item);
 * 404 unknown item.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const header = req.headers["idempotency-key"]
  const key = typeof header === "string" && header.length ? `${customer_id}:${header}` : randomUUID()
  try {
    const { result: redemption } = await redeemMallItemWorkflow(req.scope).run({
      input: { item_id: req.params.item_id, customer_id, idempotency_key: `points-mall:${key}`, now: requestNow(req) },
    })
    res.status(201).json({ redemption })
  } catch (e) {
    if (!sendMallError(res, e)) throw e
  }
}
