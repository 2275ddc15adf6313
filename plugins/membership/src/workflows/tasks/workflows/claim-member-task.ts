import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimTaskCompletionStep } from "../steps"
import { payTaskReward } from "./pay-task-reward"

/** The shopper claims a claim-mode task's reward (SPEC §6.4): one completion per claim, paid once. */
export const claimMemberTaskWorkflow = createWorkflow(
  "fission-membership-claim-task",
  (input: { task_id: string; customer_id: string; at: Date | string }) => {
    const claimed = claimTaskCompletionStep(input)
    const coupon = payTaskReward("fission-membership-claim-task", claimed)
    return new WorkflowResponse(
      transform({ claimed, coupon }, ({ claimed, coupon }) =>
        coupon ? { ...claimed.completion, coupon_promotion_id: coupon.promotion_id, coupon_code: coupon.code } : claimed.completion
      )
    )
  }
)
