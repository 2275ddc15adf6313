import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../modules/member-tasks"

/** Stores the granted coupon on the completion, so the shopper and the admin see its code. */
export const recordTaskCouponStep = createStep(
  "fission-membership-record-task-coupon",
  async (input: { completion_id: string; promotion_id: string; code: string }, { container }) => {
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    await service.setCompletionCoupon(input.completion_id, input.promotion_id, input.code)
    return new StepResponse({ promotion_id: input.promotion_id, code: input.code }, input.completion_id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).setCompletionCoupon(id, null, null)
  }
)
