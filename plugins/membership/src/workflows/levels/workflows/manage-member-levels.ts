import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMemberLevelStep, deleteMemberLevelStep, MemberLevelInput, updateMemberLevelStep } from "../steps"

/** Creates a member level (the customer group, if any, must exist). Members move on their next growth change. */
export const createMemberLevelWorkflow = createWorkflow("fission-membership-create-level", (input: MemberLevelInput) =>
  new WorkflowResponse(createMemberLevelStep(input))
)

export const updateMemberLevelWorkflow = createWorkflow(
  "fission-membership-update-level",
  (input: MemberLevelInput & { id: string }) => new WorkflowResponse(updateMemberLevelStep(input))
)

/** Soft-deletes a level; its members are re-evaluated on their next growth change. */
export const deleteMemberLevelWorkflow = createWorkflow("fission-membership-delete-level", (input: { id: string }) =>
  new WorkflowResponse(deleteMemberLevelStep(input))
)
