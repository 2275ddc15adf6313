import { toMinor } from "@fission/core/utils"

/** The rules a campaign is saved with (major units as decimal text or numbers). */
export type CampaignRulesInput = {
  base_price?: unknown
  step_amount?: unknown
  step_interval?: number
  max_steps?: number
  free_interval?: number | null
  min_participants?: number | null
  max_participants?: number | null
  starts_at?: string | Date | null
  ends_at?: string | Date | null
}

/** Fields that decide money or draws: frozen once the first participant has paid (SPEC §0.6). */
export const FROZEN_FIELDS = [
  "variant_id",
  "currency_code",
  "base_price",
  "step_amount",
  "step_interval",
  "max_steps",
  "free_interval",
  "min_participants",
  "max_participants",
  "starts_at",
  "ends_at",
  "refund_destination",
  "refund_timing",
] as const

/** Longest seed chain committed when no `max_participants` bounds the number of free-order rounds. */
export const DEFAULT_DRAW_ROUNDS = 2000

/**
 * The problems of a campaign's rules (empty when valid), each naming its field. Pure.
 * The final tier base − step × max_steps must not go below 0; a free order's value (the
 * base price) must respect the lottery prize cap.
 */
export function campaignRuleProblems(rules: CampaignRulesInput, prizeCap: unknown): string[] {
  const problems: string[] = []
  const base = rules.base_price === undefined ? null : toMinor(rules.base_price)
  const step = rules.step_amount === undefined ? null : toMinor(rules.step_amount)
  if (base !== null && base <= 0n) problems.push("base_price must be greater than 0")
  if (base !== null && step !== null && rules.max_steps !== undefined && step * BigInt(rules.max_steps) > base) {
    problems.push("step_amount × max_steps must not exceed base_price (the final price would be negative)")
  }
  if (rules.step_interval !== undefined && rules.step_interval < 1) problems.push("step_interval must be at least 1")
  if (rules.free_interval != null && rules.free_interval < 1) problems.push("free_interval must be at least 1 (or null for no free orders)")
  if (rules.min_participants != null && rules.max_participants != null && rules.min_participants > rules.max_participants) {
    problems.push("min_participants must not exceed max_participants")
  }
  if (rules.starts_at && rules.ends_at && new Date(rules.ends_at) <= new Date(rules.starts_at)) {
    problems.push("ends_at must be after starts_at")
  }
  if (base !== null && rules.free_interval != null && base > toMinor(prizeCap)) {
    problems.push(`base_price exceeds the lottery prize cap (${prizeCap}) for a free order`)
  }
  return problems
}

/** How many free-order rounds the seed chain commits. */
export function drawRoundsFor(freeInterval: number | null | undefined, maxParticipants: number | null | undefined): number {
  if (!freeInterval) return 0
  if (maxParticipants) return Math.floor(maxParticipants / freeInterval)
  return DEFAULT_DRAW_ROUNDS
}

/** Frozen fields an update would change (after the first participant). */
export function frozenChanges(current: Record<string, any>, update: Record<string, any>): string[] {
  const same = (a: any, b: any) => {
    if (a == null || b == null) return a == b
    if (a instanceof Date || b instanceof Date || /^\d{4}-\d\d-\d\dT/.test(String(a))) return new Date(a).getTime() === new Date(b).getTime()
    if (typeof a === "number" || typeof b === "number" || /^-?\d+(\.\d+)?$/.test(String(a))) {
      try {
        return toMinor(a) === toMinor(b)
      } catch {
        return String(a) === String(b)
      }
    }
    return String(a) === String(b)
  }
  return FROZEN_FIELDS.filter((f) => f in update && update[f] !== undefined && !same(current[f], update[f]))
}
