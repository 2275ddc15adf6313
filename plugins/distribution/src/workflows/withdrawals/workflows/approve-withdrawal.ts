import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionWithdrawalStep } from "../steps"

export type ApproveWithdrawalWorkflowInput = { withdrawal_id: string; actor_id: string }

/** requested → approved. No money moves: the amount stays held until paid or rejected. */
export const approveWithdrawalWorkflow = createWorkflow(
  "fission-distribution-approve-withdrawal",
  (input: ApproveWithdrawalWorkflowInput) =>
    new WorkflowResponse(
      transitionWithdrawalStep({ id: input.withdrawal_id, action: "approve", reviewed_by: input.actor_id, stamp_reviewed_at: true })
    )
)
