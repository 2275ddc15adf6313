import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetMemberBirthdayInput, setMemberBirthdayStep } from "../steps"

/** Sets a member's birthday (once by the customer; admins may change it). */
export const setMemberBirthdayWorkflow = createWorkflow("fission-membership-set-birthday", (input: SetMemberBirthdayInput) =>
  new WorkflowResponse(setMemberBirthdayStep(input))
)
