import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCodedRefusal } from "@fission/core/utils"
import { requestNow } from "../../../../../utils/clock"
import { makeupCheckInWorkflow } from "../../../../../workflows/check-ins"
import { StoreCreateMakeupCheckInType } from "../validators"

/**
 * POST /store/fission/check-ins/makeup `{ date }` → 201 `{ check_in: { id, local_date, streak, points,
 * is_makeup: true, cost } }`; 400 when disabled, out of range or with insufficient points;
 * 422 `already_checked_in` when that day is already checked in.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateMakeupCheckInType>, res: MedusaResponse) => {
  try {
    const { result: check_in } = await makeupCheckInWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, date: (req.validatedBody as StoreCreateMakeupCheckInType).date, now: requestNow(req) },
    })
    res.status(201).json({ check_in })
  } catch (e: any) {
    // Medusa's error handler drops the code of a duplicate; storefronts switch on it
    if (!sendCodedRefusal(res, e)) throw e
  }
}
