import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMemberTaskStep, deleteMemberTaskStep, MemberTaskInput, updateMemberTaskStep } from "../steps"

/** Creates a task definition (400 names what is incoherent, or a missing template promotion). */
export const createMemberTaskWorkflow = createWorkflow("fission-membership-create-task", (input: MemberTaskInput) =>
  new WorkflowResponse(createMemberTaskStep(input))
)

/** Partial update; deactivate with `is_active: false`. */
export const updateMemberTaskWorkflow = createWorkflow(
  "fission-membership-update-task",
  (input: MemberTaskInput & { id: string }) => new WorkflowResponse(updateMemberTaskStep(input))
)

export const deleteMemberTaskWorkflow = createWorkflow("fission-membership-delete-task", (input: { id: string }) =>
  new WorkflowResponse(deleteMemberTaskStep(input))
)
