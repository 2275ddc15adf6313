import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordTaskCompletionStep, TaskCauseInput } from "../steps"
import { payTaskReward } from "./pay-task-reward"

/**
 * Counts a cause (paid order, invitee, share, review, complete profile) toward a
 * task and, for an auto task, pays its reward at once (SPEC §6.4). Idempotent:
 * a cause already counted returns `outcome: "duplicate"` and posts nothing.
 */
export const completeMemberTaskWorkflow = createWorkflow("fission-membership-complete-task", (input: TaskCauseInput) => {
  const recorded = recordTaskCompletionStep(input)
  const coupon = payTaskReward(
    "fission-membership-complete-task",
    transform({ recorded }, ({ recorded }) => ({ completion: recorded.rewarded, expires_at: recorded.expires_at }))
  )
  return new WorkflowResponse(
    transform({ recorded, coupon }, ({ recorded, coupon }) => ({
      outcome: recorded.outcome,
      completion: recorded.completion && coupon ? { ...recorded.completion, coupon_promotion_id: coupon.promotion_id, coupon_code: coupon.code } : recorded.completion,
    }))
  )
})
