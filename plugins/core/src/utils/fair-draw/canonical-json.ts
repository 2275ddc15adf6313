/**
 * Deterministic JSON serialization used for the draw message and for comparing
 * outcomes: no whitespace, object keys sorted ascending by UTF-16 code units
 * (plain `Array.prototype.sort()`), strings escaped exactly as
 * `JSON.stringify` does, numbers must be finite. `undefined`, functions,
 * symbols and bigints are rejected rather than silently dropped.
 *
 * For the ASCII keys and integer values used by fission-draw (v1, v2) this equals
 * Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
 */
export function stableStringify(value: unknown): string {
  if (value === null) {
    return "null"
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value)
    case "boolean":
      return value ? "true" : "false"
    case "number":
      if (!Number.isFinite(value)) {
        throw new TypeError(`cannot serialize non-finite number ${value}`)
      }
      return JSON.stringify(value)
    case "object": {
      if (Array.isArray(value)) {
        return "[" + value.map((item) => stableStringify(item)).join(",") + "]"
      }
      const obj = value as Record<string, unknown>
      const keys = Object.keys(obj).sort()
      return (
        "{" +
        keys
          .map((key) => JSON.stringify(key) + ":" + stableStringify(obj[key]))
          .join(",") +
        "}"
      )
    }
    default:
      throw new TypeError(`cannot serialize value of type ${typeof value}`)
  }
}
