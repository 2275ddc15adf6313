import { fill, SweptRoute } from "./routes"

/** One request of the sweep; `raw` paths and queries are sent exactly as written (e.g. `%00`). */
export type SweepRequest = { method: string; url: string; data?: unknown; label: string }

export const LONG = "a".repeat(10_000)
export const UNKNOWN_ID = "fission_sweep_unknown_01"

/** Malformed path parameter values, already URL-encoded. */
const PATH_VALUES: [string, string][] = [
  ["unknown id", UNKNOWN_ID],
  ["NUL", "%00"],
  ["10k chars", LONG],
  ["1e308", "1e308"],
  ["negative", "-1"],
]

/** Malformed query values: `k` is replaced by the field name; values are URL-encoded already. */
const QUERY_VALUES: [string, (k: string) => string][] = [
  ["NUL", (k) => `${k}=%00`],
  ["10k chars", (k) => `${k}=${LONG}`],
  ["1e12", (k) => `${k}=1e12`],
  ["1e308", (k) => `${k}=1e308`],
  ["negative", (k) => `${k}=-1`],
  ["wrong type", (k) => `${k}=abc`],
  ["unknown id", (k) => `${k}=${UNKNOWN_ID}`],
  ["array with NUL", (k) => `${k}=1&${k}=%00`],
  ["object", (k) => `${k}[gte]=%00&${k}[x]=1`],
]

/**
 * Malformed body values. No short plain strings or booleans: those can be valid
 * (a name, a flag) and the sweep must never send an acceptable change.
 */
const BODY_VALUES: [string, unknown][] = [
  ["NUL", "\u0000"],
  ["10k chars", LONG],
  ["1e12", 1e12],
  ["1e308", 1e308],
  ["negative", -1],
  ["negative fraction", -0.5],
  ["object", { x: "\u0000" }],
  ["array", ["\u0000", 1e308]],
]

const hasBody = (m: string) => m !== "GET"
const hasQuery = (m: string) => m === "GET" || m === "DELETE"

/**
 * A cheap first question per field: does the route's strict validator know it at
 * all? `[[]]` (a list holding an empty list) fits no field of any Fission schema, so
 * the answer is a 400, and "Unrecognized fields" means the full table would only
 * hear that again.
 */
export function probeRequest(route: SweptRoute, ids: Record<string, string>, field: string): SweepRequest {
  const base = fill(route, ids)
  return hasBody(route.method)
    ? { method: route.method, url: base, data: { [field]: [[]] }, label: `probe ${field}` }
    : { method: route.method, url: `${base}?${field}[]=`, label: `probe ${field}` }
}

export const isUnknownField = (message: string | undefined, field: string) =>
  !!message && new RegExp(`Unrecognized fields: '([^']*, )?${field}(, [^']*)?'`).test(message)

/**
 * Every malformed request for one route; `ids` are the best path values known (real
 * ids, else unknown), `fields` the ones the route did not refuse as unknown.
 */
export function malformedRequests(route: SweptRoute, ids: Record<string, string>, fields: string[] = route.fields): SweepRequest[] {
  const out: SweepRequest[] = []
  const base = fill(route, ids)
  const { method } = route
  const body = hasBody(method) ? {} : undefined
  for (const [label, value] of PATH_VALUES) {
    if (!route.params.length) break
    // every parameter bad at once, then each alone next to real ids
    out.push({ method, url: fill(route, Object.fromEntries(route.params.map((p) => [p, value])), true), data: body, label: `path ${label}` })
    if (route.params.length > 1) {
      for (const p of route.params) {
        const mixed = Object.fromEntries(route.params.map((q) => [q, q === p ? value : encodeURIComponent(ids[q])]))
        out.push({ method, url: fill(route, mixed, true), data: body, label: `path ${p} ${label}` })
      }
    }
  }
  for (const field of fields) {
    if (hasQuery(method)) {
      for (const [label, q] of QUERY_VALUES) out.push({ method, url: `${base}?${q(field)}`, data: body, label: `query ${field} ${label}` })
    }
    if (hasBody(method)) {
      for (const [label, value] of BODY_VALUES) out.push({ method, url: base, data: { [field]: value }, label: `body ${field} ${label}` })
    }
  }
  // NUL and huge input outside any known field: the key itself, an unknown key
  if (hasQuery(method)) out.push({ method, url: `${base}?a%00b=1`, data: body, label: "query NUL key" })
  if (hasBody(method)) {
    out.push({ method, url: base, data: { "a\u0000b": 1 }, label: "body NUL key" })
    out.push({ method, url: base, data: "\u0000", label: "body NUL string" })
    out.push({ method, url: base, data: [LONG], label: "body array" })
  }
  return out
}
