import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMemberLevelStep, deleteMemberLevelStep, MemberLevelInput, syncFreeShippingPromotionStep, updateMemberLevelStep } from "../steps"

/**
 * Creates a member level (the customer group, if any, must exist) and its
 * free-shipping promotion. Members move on their next growth change.
 */
export const createMemberLevelWorkflow = createWorkflow("fission-membership-create-level", (input: MemberLevelInput) => {
  const level = createMemberLevelStep(input)
  const sync = syncFreeShippingPromotionStep(transform({ level }, ({ level }) => ({ level_id: level.id })))
  return new WorkflowResponse(transform({ level, sync }, ({ level, sync }) => ({ ...level, free_shipping_promotion_id: sync.promotion_id })))
})

export const updateMemberLevelWorkflow = createWorkflow("fission-membership-update-level", (input: MemberLevelInput & { id: string }) => {
  const level = updateMemberLevelStep(input)
  const sync = syncFreeShippingPromotionStep(transform({ input }, ({ input }) => ({ level_id: input.id })))
  return new WorkflowResponse(transform({ level, sync }, ({ level, sync }) => ({ ...level, free_shipping_promotion_id: sync.promotion_id })))
})

/** Soft-deletes a level and its free-shipping promotion; its members are re-evaluated on their next growth change. */
export const deleteMemberLevelWorkflow = createWorkflow("fission-membership-delete-level", (input: { id: string }) => {
  const deleted = deleteMemberLevelStep(input)
  syncFreeShippingPromotionStep(transform({ deleted }, ({ deleted }) => ({ level_id: deleted.id, promotion_id: deleted.promotion_id })))
  return new WorkflowResponse(transform({ deleted }, ({ deleted }) => ({ id: deleted.id, deleted: true })))
})
