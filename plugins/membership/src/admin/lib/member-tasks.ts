export const TASK_KIND_LABELS: Record<string, string> = {
  first_purchase_within_days: "First purchase within N days of sign-up",
  invite_register: "Invite a friend who registers",
  invite_purchase: "Invite a friend who buys",
  share: "Share",
  repurchase_within_days: "Repurchase within N days",
  complete_profile: "Complete profile",
  review_product: "Review a bought product",
}

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
