/**
 * Errors from the admin API. A 400 body is `{ type, message }`; Fission's validators
 * name the offending field first (`"points: must be a positive integer"`, or zod's
 * `"Invalid request: Field 'points' is required"`), so a form can show the message
 * under that field.
 */
export function errorMessage(e: unknown, fallback = "Request failed"): string {
  if (e && typeof e === "object" && "message" in e && typeof (e as any).message === "string" && (e as any).message) {
    return (e as any).message
  }
  return typeof e === "string" && e ? e : fallback
}

/** The HTTP status of a js-sdk FetchError, if any. */
export function errorStatus(e: unknown): number | undefined {
  const s = (e as any)?.status
  return typeof s === "number" ? s : undefined
}

/**
 * Which of `fields` a 400 message names: `"<field>: …"`, `Field '<field>'`,
 * `"<field>" …`, or the field name as a word. Returns `{ field: message }` for the
 * first match; an unmatched message is returned under `_form`.
 */
export function fieldErrors(e: unknown, fields: readonly string[]): Record<string, string> {
  const message = errorMessage(e)
  const lower = message.toLowerCase()
  const byLength = [...fields].sort((a, b) => b.length - a.length)
  for (const f of byLength) {
    const name = f.toLowerCase()
    const patterns = [
      new RegExp(`^${escape(name)}\\s*[:.]`),
      new RegExp(`field '${escape(name)}'`),
      new RegExp(`["'\`]${escape(name)}["'\`]`),
      new RegExp(`(^|[^a-z0-9_.])${escape(name)}([^a-z0-9_]|$)`),
    ]
    if (patterns.some((p) => p.test(lower))) return { [f]: message }
  }
  return { _form: message }
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
