/**
 * Pure rules of member tasks (SPEC §6.4): when a task is open, how a completion
 * is keyed, whether one more completion is allowed, and what a task definition
 * must contain. The database applies `admitCompletion` under a per-customer lock.
 */

export const TASK_KINDS = [
  "first_purchase_within_days",
  "invite_register",
  "invite_purchase",
  "share",
  "repurchase_within_days",
  "complete_profile",
  "review_product",
] as const
export type TaskKind = (typeof TASK_KINDS)[number]

export const REPEAT_RULES = ["once", "daily", "unlimited"] as const
export type RepeatRule = (typeof REPEAT_RULES)[number]

/** Profile fields a complete_profile task may require; `address` = at least one saved address. */
export const PROFILE_FIELDS = ["first_name", "last_name", "phone", "email", "company_name", "address"] as const
export const DEFAULT_PROFILE_FIELDS = ["first_name", "last_name", "phone"]

/** Kinds that can only ever complete once per customer. */
const ONCE_ONLY: TaskKind[] = ["first_purchase_within_days", "complete_profile"]
const WITH_DAYS: TaskKind[] = ["first_purchase_within_days", "repurchase_within_days"]

const DAY_MS = 86_400_000

export type TaskWindow = { is_active: boolean; starts_at?: Date | string | null; ends_at?: Date | string | null }
export type TaskRule = { repeat_rule: RepeatRule; cap?: number | null }
export type Done = { total: number; today: number }

/** Active and `at` inside [starts_at, ends_at). */
export function isTaskOpen(task: TaskWindow, at: Date): boolean {
  if (!task.is_active) return false
  if (task.starts_at && at.getTime() < new Date(task.starts_at).getTime()) return false
  if (task.ends_at && at.getTime() >= new Date(task.ends_at).getTime()) return false
  return true
}

/**
 * The unique key of a completion, from its cause: once per customer (`once`), once
 * per customer and local day (`daily`), or once per cause (`unlimited`: the order,
 * the invitee, the product reviewed, the share report).
 */
export function completionKey(task: { id: string; repeat_rule: RepeatRule }, customer_id: string, cause: { local_date: string; cause_id: string }) {
  if (task.repeat_rule === "once") return `${task.id}:${customer_id}`
  if (task.repeat_rule === "daily") return `${task.id}:${customer_id}:${cause.local_date}`
  return `${task.id}:${customer_id}:${cause.cause_id}`
}

export type Refusal = "already_completed" | "done_today" | "cap_reached"

/** Whether one more completion is allowed after `done` (claimable and completed rows both count). */
export function admitCompletion(rule: TaskRule, done: Done): Refusal | null {
  if (rule.repeat_rule === "once") return done.total >= 1 ? "already_completed" : null
  if (rule.repeat_rule === "daily" && done.today >= 1) return "done_today"
  if (rule.cap != null && done.total >= rule.cap) return "cap_reached"
  return null
}

/** Completions still possible over all time; null = no limit. */
export function remainingCompletions(rule: TaskRule, done: Done): number | null {
  if (rule.repeat_rule === "once") return Math.max(0, 1 - done.total)
  return rule.cap == null ? null : Math.max(0, rule.cap - done.total)
}

/** A customer's progress on a task as the store shows it. */
export function taskProgress(rule: TaskRule, done: Done & { claimable: number }) {
  return {
    completed_today: done.today,
    completed_total: done.total,
    remaining: remainingCompletions(rule, done),
    claimable: done.claimable,
    // one more completion would be admitted now
    available: admitCompletion(rule, done) === null,
  }
}

/** `to` is at most `days` days after `from` (and not before it). */
export function withinDays(from: Date | string, to: Date | string, days: number): boolean {
  const gap = new Date(to).getTime() - new Date(from).getTime()
  return gap >= 0 && gap <= days * DAY_MS
}

type Profile = {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  email?: string | null
  company_name?: string | null
  addresses?: unknown[] | null
}

/** The required profile fields the customer has not filled in (blank counts as missing). */
export function missingProfileFields(customer: Profile, fields: string[] = DEFAULT_PROFILE_FIELDS): string[] {
  return fields.filter((field) => {
    if (field === "address") return !(customer.addresses?.length ?? 0)
    const value = (customer as Record<string, unknown>)[field]
    return typeof value !== "string" || value.trim() === ""
  })
}

export type TaskDefinition = {
  kind: TaskKind
  params?: Record<string, unknown> | null
  reward_points?: number
  reward_growth?: number
  reward_promotion_id?: string | null
  repeat_rule?: RepeatRule
  cap?: number | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
}

/** What is wrong with a (merged) task definition, naming the field; null when valid. */
export function taskDefinitionError(task: TaskDefinition): string | null {
  const params = task.params ?? {}
  const repeat = task.repeat_rule ?? "once"
  if (WITH_DAYS.includes(task.kind)) {
    const days = params.days
    if (!(typeof days === "number" && Number.isInteger(days) && days >= 1)) return `params.days must be an integer ≥ 1 for ${task.kind}`
  }
  if (task.kind === "complete_profile" && params.fields !== undefined) {
    const fields = params.fields
    if (!Array.isArray(fields) || !fields.length) return "params.fields must be a non-empty list"
    const unknown = fields.find((f) => !(PROFILE_FIELDS as readonly string[]).includes(f as string))
    if (unknown !== undefined) return `params.fields: unknown field ${String(unknown)} (allowed: ${PROFILE_FIELDS.join(", ")})`
  }
  if (ONCE_ONLY.includes(task.kind) && repeat !== "once") return `repeat_rule must be once for ${task.kind}`
  if (task.cap != null && repeat === "once") return "cap applies only to the daily and unlimited repeat rules"
  if (!(Number(task.reward_points ?? 0) > 0 || Number(task.reward_growth ?? 0) > 0 || task.reward_promotion_id)) {
    return "a reward is required: reward_points, reward_growth or reward_promotion_id"
  }
  if (task.starts_at && task.ends_at && new Date(task.ends_at).getTime() <= new Date(task.starts_at).getTime()) {
    return "ends_at must be after starts_at"
  }
  return null
}
