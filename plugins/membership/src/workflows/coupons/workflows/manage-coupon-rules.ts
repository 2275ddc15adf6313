import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCouponRuleStep, deleteCouponRuleStep, updateCouponRuleStep, validateTemplatePromotionStep } from "../steps"

export const createCouponRuleWorkflow = createWorkflow("fission-membership-create-coupon-rule", (input: Record<string, any>) => {
  validateTemplatePromotionStep(input)
  return new WorkflowResponse(createCouponRuleStep(input))
})

export const updateCouponRuleWorkflow = createWorkflow("fission-membership-update-coupon-rule", (input: Record<string, any> & { id: string }) => {
  validateTemplatePromotionStep(input as any)
  return new WorkflowResponse(updateCouponRuleStep(input))
})

export const deleteCouponRuleWorkflow = createWorkflow("fission-membership-delete-coupon-rule", (input: { id: string }) => {
  return new WorkflowResponse(deleteCouponRuleStep(input.id))
})
