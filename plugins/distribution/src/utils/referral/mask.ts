/**
 * Masking of other customers' identities (team lists, leaderboard, "my referrer"):
 * enough to recognise a friend, never a full name or e-mail address.
 */

/** "Alice" → "A***e", "Al" → "A***", "" → "***". Works per code point (e.g. Chinese names). */
export function maskText(value: string | null | undefined): string {
  const chars = Array.from((value ?? "").trim())
  if (chars.length === 0) return "***"
  if (chars.length <= 2) return `${chars[0]}***`
  return `${chars[0]}***${chars[chars.length - 1]}`
}

/** "alice@example.com" → "a***e@example.com" (the domain is kept; it rarely identifies anyone). */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null
  const at = email.lastIndexOf("@")
  if (at <= 0) return maskText(email)
  return `${maskText(email.slice(0, at))}${email.slice(at)}`
}

export type NamedPerson = { first_name?: string | null; last_name?: string | null; email?: string | null }

/** The person's display name (name, else the e-mail's local part), masked. */
export function maskDisplayName(person: NamedPerson | null | undefined): string {
  const name = [person?.first_name, person?.last_name].filter((p) => p && p.trim()).join(" ").trim()
  if (name) return maskText(name)
  const email = person?.email ?? ""
  return maskText(email.includes("@") ? email.slice(0, email.lastIndexOf("@")) : email)
}
