import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * "Now" for a request. Tests may pin it with the `x-fission-now` header (an ISO
 * instant) — honoured only when NODE_ENV is "test".
 */
export function requestNow(req: MedusaRequest): Date {
  const pinned = req.headers["x-fission-now"]
  if (process.env.NODE_ENV === "test" && typeof pinned === "string") {
    const at = new Date(pinned)
    if (!Number.isNaN(at.getTime())) return at
  }
  return new Date()
}
