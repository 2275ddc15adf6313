/**
 * PostgreSQL text cannot hold U+0000: a NUL byte that reaches a query fails in the
 * driver ("invalid byte sequence for encoding UTF8: 0x00") and Medusa answers 500.
 * `findNul` returns where the first one is — "name", "variants[1].variant_id", or
 * the key itself — so the 400 can name the field; null when there is none.
 */
export function findNul(value: unknown, at = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at || "value" : null
  // past 32 levels stop looking (no stack blow-up on hostile JSON): no Fission schema nests that deep,
  // so such a body fails validation anyway
  if (value === null || typeof value !== "object" || depth > 32) return null
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
  for (const [key, v] of entries) {
    const path = typeof key === "number" ? `${at}[${key}]` : at ? `${at}.${key}` : key
    if (typeof key === "string" && key.includes("\u0000")) return `${at ? `${at}.` : ""}<field name with a NUL byte>`
    const found = findNul(v, path, depth + 1)
    if (found) return found
  }
  return null
}
