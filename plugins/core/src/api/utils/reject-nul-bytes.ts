import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findNul } from "../../utils/validation"

const refuse = (where: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${where} must not contain a NUL byte (U+0000)`)

/** The path segment holding an (encoded) NUL, named by the path before it, e.g. "the path segment after /store/fission/draws". */
function nulInPath(originalUrl: string): string | null {
  const segments = originalUrl.split("?")[0].split("/")
  for (let i = 0; i < segments.length; i++) {
    let decoded = segments[i]
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      // a malformed escape is not a NUL; the route decides what it means
    }
    if (decoded.includes("\u0000")) return `the path segment after ${segments.slice(0, i).join("/") || "/"}`
  }
  return null
}

/**
 * One guard for every Fission route (registered by @fission/core for /store/fission*
 * and /admin/fission*, before any route's own middlewares): PostgreSQL text cannot
 * hold U+0000, so a NUL in a path id, a query value or a body string would end as a
 * driver error and a 500. It is refused here with a 400 naming where it is, before
 * anything is read or written.
 */
export function rejectNulBytes(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = nulInPath(req.originalUrl ?? req.url)
  if (path) return next(refuse(path))
  const query = findNul(req.query)
  if (query) return next(refuse(`query parameter ${query}`))
  const body = findNul(req.body)
  if (body) return next(refuse(`body field ${body}`))
  next()
}
