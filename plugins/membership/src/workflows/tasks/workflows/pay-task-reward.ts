import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { TaskCompletionRow } from "../../../modules/member-tasks"
import { evaluateMemberLevelStep } from "../../levels/steps"

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
 * points (a lot expiring per the settings) and growth of a completion, then
 * re-evaluates the member level when growth moved.
 */
export function payTaskReward(name: string, data: WorkflowData<Rewardable>) {
  const postings = postLedgerEntriesStep(transform({ data }, ({ data }) => taskRewardEntries(data)))
  when(`${name}-growth-rewarded`, { data, postings }, ({ data }) => Number(data.completion?.growth ?? 0) > 0).then(() => {
    evaluateMemberLevelStep(
      transform({ data }, ({ data }) => ({ customer_id: data.completion!.customer_id, reason: `task:${data.completion!.id}` }))
    )
  })
  return postings
}
