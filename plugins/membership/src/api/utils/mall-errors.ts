import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { sendCodedRefusal } from "@fission/core/utils"

/**
 * Sends a points-mall refusal with a machine-readable `code` (out_of_stock,
 * limit_reached, level_not_allowed, inactive, insufficient_points,
 * points_already_applied, …). Medusa's error handler drops the code of a
 * duplicate, and the ledger's overdraft error carries no code; shoppers need both.
 */
export function sendMallError(res: MedusaResponse, e: any): boolean {
  if (e?.type === MedusaError.Types.NOT_ALLOWED && /^Insufficient points balance/.test(e.message ?? "")) {
    res.status(400).json({ type: "not_allowed", code: "insufficient_points", message: "Insufficient points: your available points do not cover this" })
    return true
  }
  return sendCodedRefusal(res, e)
}
