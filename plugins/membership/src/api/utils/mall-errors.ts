import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Sends a points-mall refusal with a machine-readable `code` (out_of_stock,
 * limit_reached, level_not_allowed, inactive, insufficient_points, …).
 * Medusa's error handler replaces conflict messages with a generic retry hint,
 * and the ledger's overdraft error carries no code; shoppers need both.
 */
export function sendMallError(res: MedusaResponse, e: any): boolean {
  if (e?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", code: e.code ?? "conflict", message: e.message })
    return true
  }
  if (e?.type === MedusaError.Types.NOT_ALLOWED && /^Insufficient points balance/.test(e.message ?? "")) {
    res.status(400).json({ type: "not_allowed", code: "insufficient_points", message: "Insufficient points: your available points do not cover this" })
    return true
  }
  return false
}
