import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { TaskCompletionRow } from "../../../modules/member-tasks"
import { grantCouponWorkflow } from "../../coupons"
import { evaluateMemberLevelStep } from "../../levels/steps"
import { recordTaskCouponStep } from "../steps/record-task-coupon"

type Rewardable = { completion: TaskCompletionRow | null; expires_at: Date | null }

/** Ledger entries of a completion's reward, keyed by the completion id (a replay posts nothing new). */
export function taskRewardEntries({ completion, expires_at }: Rewardable) {
  if (!completion) return []
  const common = { to: customer(completion.customer_id), source_type: "member_task_completion", source_id: completion.id }
  const entries: any[] = []
  if (Number(completion.points) > 0) {
    entries.push({
      ...common,
      idempotency_key: `points:task:${completion.id}`,
      asset: "points" as const,
      amount: String(completion.points),
      from: platform("points_issued"),
      reason: "points.task",
      expires_at,
    })
  }
  if (Number(completion.growth) > 0) {
    entries.push({
      ...common,
      idempotency_key: `growth:task:${completion.id}`,
      asset: "growth" as const,
      amount: String(completion.growth),
      from: platform("growth_issued"),
      reason: "growth.task",
    })
  }
  return entries
}

/**
 * Composition fragment shared by the complete and claim workflows: posts the
 * points (a lot expiring per the settings) and growth of a completion,
 * re-evaluates the member level when growth moved, and grants the coupon
 * (a personal copy of the template promotion, keyed `coupon:task:<completion>`).
 * Returns the coupon granted, if any.
 */
export function payTaskReward(name: string, data: WorkflowData<Rewardable>) {
  const postings = postLedgerEntriesStep(transform({ data }, ({ data }) => taskRewardEntries(data)))
  when(`${name}-growth-rewarded`, { data, postings }, ({ data }) => Number(data.completion?.growth ?? 0) > 0).then(() => {
    evaluateMemberLevelStep(
      transform({ data }, ({ data }) => ({ customer_id: data.completion!.customer_id, reason: `task:${data.completion!.id}` }))
    )
  })
  return when(`${name}-coupon-rewarded`, { data }, ({ data }) => !!data.completion?.reward_promotion_id).then(() => {
    const granted = grantCouponWorkflow.runAsStep({
      input: transform({ data }, ({ data }) => ({
        customer_id: data.completion!.customer_id,
        template_promotion_id: data.completion!.reward_promotion_id!,
        idempotency_key: `coupon:task:${data.completion!.id}`,
        reason: "task.reward",
      })),
    })
    return recordTaskCouponStep(
      transform({ data, granted }, ({ data, granted }) => ({
        completion_id: data.completion!.id,
        promotion_id: granted.promotion_id,
        code: granted.code,
      }))
    )
  })
}
