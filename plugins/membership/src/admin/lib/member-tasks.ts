/** Task kinds; their labels are `tasks.options.kind.<kind>` in the admin translations. */
export const TASK_KINDS = [
  "first_purchase_within_days",
  "invite_register",
  "invite_purchase",
  "share",
  "repurchase_within_days",
  "complete_profile",
  "review_product",
] as const

export type MemberTask = {
  id: string
  title: string
  description: string | null
  kind: string
  params: { days?: number; fields?: string[] } | null
  reward_points: number
  reward_growth: number
  reward_promotion_id: string | null
  repeat_rule: "once" | "daily" | "unlimited"
  cap: number | null
  completion_mode: "auto" | "claim"
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  position: number
}

export type TaskCompletion = {
  id: string
  task_id: string
  customer_id: string
  status: "claimable" | "completed"
  local_date: string
  cause_type: string
  cause_id: string
  points: number
  growth: number
  coupon_code: string | null
  created_at: string
}

export const memberTaskKeys = {
  list: ["fission", "membership", "tasks"],
  completions: ["fission", "membership", "task-completions"],
}
