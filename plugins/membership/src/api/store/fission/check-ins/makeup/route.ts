import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requestNow } from "../../../../../utils/clock"
import { makeupCheckInWorkflow } from "../../../../../workflows/check-ins"
import { StoreCreateMakeupCheckInType } from "../validators"

/**
 * POST /store/fission/check-ins/makeup `{ date }` → 201 `{ check_in: { id, local_date, streak, points,
 * is_makeup: true, cost } }`; 400 when disabled, out of range or with insufficient points;
 * 409 when that day is already checked in.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateMakeupCheckInType>, res: MedusaResponse) => {
  try {
    const { result: check_in } = await makeupCheckInWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, date: (req.validatedBody as StoreCreateMakeupCheckInType).date, now: requestNow(req) },
    })
    res.status(201).json({ check_in })
  } catch (e: any) {
    // Medusa's error handler replaces conflict messages with a generic retry hint
    if (e?.type !== MedusaError.Types.CONFLICT) throw e
    res.status(409).json({ type: "conflict", code: "already_checked_in", message: e.message })
  }
}
