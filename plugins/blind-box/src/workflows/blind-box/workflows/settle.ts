import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payInitiationRewardsStep, settleOpenStep } from "../steps"

/** Pays an initiated campaign's referral rewards once (idempotent; the sweep re-runs unpaid ones). */
export const settleBlindBoxInitiationWorkflow = createWorkflow(
  "fission-blind-box-settle-initiation",
  (input: { campaign_id: string }) => new WorkflowResponse(payInitiationRewardsStep(input))
)

/** Pays a numbered open's payouts once and, for the win, reveals the draw (idempotent; the sweep re-runs unsettled ones). */
export const settleBlindBoxOpenWorkflow = createWorkflow(
  "fission-blind-box-settle-open",
  (input: { open_id: string }) => new WorkflowResponse(settleOpenStep(input))
)
